package io.aigw.gateway.firewall;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.firewall.FirewallPolicyDoc.RuleDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules a request adds for itself in the {@code X-AIGW-Firewall} header: a JSON array of rules in the admin API's
 * format (kinds {@code toolName}, {@code regex}, {@code pii}). They run as one more enforcing policy, {@code request},
 * after the baseline's and the configuration's: a request can add rules, never remove or weaken one. The header is
 * never forwarded upstream.
 */
public final class RequestRules {

    public static final String HEADER = "X-AIGW-Firewall";
    /** Documented bounds of the header. */
    public static final int MAX_RULES = 10;
    public static final int MAX_CHARS = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestRules() {
    }

    /** {@code base} with the header's rules added; {@code base} itself when there is no header. */
    public static Firewall add(Firewall base, String header) {
        if (header == null || header.isBlank()) {
            return base;
        }
        if (header.length() > MAX_CHARS) {
            throw invalid("is longer than " + MAX_CHARS + " characters");
        }
        List<RuleDoc> rules;
        try {
            rules = JSON.readValue(header, new TypeReference<List<RuleDoc>>() { });
        } catch (Exception e) {
            throw invalid("must be a JSON array of firewall rules");
        }
        if (rules == null || rules.isEmpty() || rules.size() > MAX_RULES) {
            throw invalid("must hold 1 to " + MAX_RULES + " rules");
        }
        for (RuleDoc rule : rules) {
            if (rule == null || rule.id() == null || "decision".equals(rule.kind())
                    || (rule.pattern() != null && rule.pattern().length() > 1000)) {
                throw invalid("each rule needs an id, a kind toolName, regex or pii, and a pattern of at most 1000 characters");
            }
        }
        FirewallPolicy extra;
        try {
            extra = FirewallCompiler.compile(List.of(new FirewallPolicyDoc("request", "request", "enforce", "block", rules)))
                    .get("request");
        } catch (RuntimeException e) { // unknown kind, tier, action, target or detector; a pattern RE2 refuses
            throw invalid("has a rule the gateway cannot compile: " + safe(e.getMessage()));
        }
        List<FirewallPolicy> policies = new ArrayList<>(base.policies());
        policies.add(extra);
        return new Firewall(List.copyOf(policies));
    }

    private static String safe(String message) {
        return message == null ? "invalid rule" : message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static GatewayException invalid(String detail) {
        return new GatewayException(ErrorCode.INVALID_REQUEST, "The " + HEADER + " header " + detail + ".", HEADER);
    }
}
