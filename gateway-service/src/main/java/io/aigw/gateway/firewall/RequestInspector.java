package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.routing.Surface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a {@link Firewall} to a request before any attempt. Bounded work on the event loop: RE2 patterns (linear
 * time in the text) over at most {@link #MAX_SCAN_CHARS} characters of text per request, and at most
 * {@link Firewall#MAX_RULES_PER_REQUEST} rules. Text past the bound is not read: a policy with {@code onError: block}
 * then refuses the request, one with {@code onError: allow} lets the unread rest through.
 */
public final class RequestInspector {

    /** Documented bound: characters of text the firewall reads per request (256 Ki). */
    public static final int MAX_SCAN_CHARS = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestInspector() {
    }

    /** Inspects {@code bytes[0..length)} (already parsed once as a JSON object by the proxy). */
    public static RequestVerdict inspect(Firewall firewall, Surface surface, byte[] bytes, int length) {
        if (!firewall.inspectsRequests()) {
            return RequestVerdict.PASS;
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes, 0, length);
        } catch (IOException e) {
            return RequestVerdict.PASS; // the proxy's own parse refuses it
        }
        RequestTexts texts = RequestTexts.of(surface, body);
        int scanned = 0;
        List<TextSlot> readable = new ArrayList<>();
        boolean truncated = false;
        for (TextSlot slot : texts.slots) {
            scanned += slot.text().length();
            if (scanned > MAX_SCAN_CHARS) {
                truncated = true;
                break;
            }
            readable.add(slot);
        }
        List<Finding> findings = new ArrayList<>();
        boolean redacted = false;
        for (FirewallPolicy policy : firewall.policies()) {
            if (truncated && policy.blockOnError() && !policy.audit()) {
                return new RequestVerdict(null, "The request has more text than the firewall reads (" + MAX_SCAN_CHARS
                        + " characters); policy \"" + policy.name() + "\" (" + policy.id()
                        + ") refuses what it cannot inspect.", null, findings);
            }
            PolicyRun run = new PolicyRun(policy, findings);
            for (FirewallRule rule : policy.rules()) {
                if (rule.kind() == FirewallRule.Kind.DECISION) {
                    continue;
                }
                Finding blocked = run.apply(rule, readable, texts.toolNames);
                if (blocked != null) {
                    return new RequestVerdict(blocked, blocked.reason(), null, findings);
                }
            }
            redacted |= run.redacted;
            if (run.pending != null) {
                return new RequestVerdict(run.pending, run.pending.reason(), null, findings);
            }
        }
        byte[] rewritten = null;
        if (redacted) {
            try {
                rewritten = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("redacted request not serialisable", e);
            }
        }
        return new RequestVerdict(null, null, rewritten, List.copyOf(findings));
    }

    /** One policy over one request: its soft denial waiting for an allow, and whether it redacted. */
    private static final class PolicyRun {

        final FirewallPolicy policy;
        final List<Finding> findings;
        Finding pending;
        boolean redacted;

        PolicyRun(FirewallPolicy policy, List<Finding> findings) {
            this.policy = policy;
            this.findings = findings;
        }

        /** Applies one rule; answers the finding when it blocks at once (hard deny). */
        Finding apply(FirewallRule rule, List<TextSlot> slots, List<String> toolNames) {
            Finding first = null;
            if (rule.kind() == FirewallRule.Kind.TOOL_NAME) {
                if (rule.reads(Target.TOOL_DEFINITION) && toolNames.stream().anyMatch(rule::matchesToolName)) {
                    first = finding(rule, Target.TOOL_DEFINITION, null);
                }
            } else {
                List<Span> spans = new ArrayList<>();
                for (TextSlot slot : slots) {
                    if (!rule.reads(slot.target)) {
                        continue;
                    }
                    spans.clear();
                    rule.find(slot.scan(), spans);
                    if (spans.isEmpty()) {
                        continue;
                    }
                    if (first == null) {
                        first = finding(rule, slot.target, rule.kind() == FirewallRule.Kind.PII ? spans.get(0).type() : null);
                    }
                    if (rule.tier() != Tier.ALLOW && policy.effective(rule) == Action.REDACT) {
                        slot.replace(Redaction.apply(slot.text(), spans));
                        redacted = true;
                    } else {
                        break;
                    }
                }
            }
            if (first == null) {
                return null;
            }
            findings.add(first);
            if (first.action() == Action.ALLOW) {
                pending = null;
            } else if (first.action() == Action.BLOCK) {
                if (rule.tier() == Tier.HARD_DENY) {
                    return first;
                }
                if (pending == null) {
                    pending = first;
                }
            }
            return null;
        }

        private Finding finding(FirewallRule rule, Target target, String type) {
            Action action = rule.tier() == Tier.ALLOW ? Action.ALLOW : policy.effective(rule);
            return new Finding(policy.id(), policy.name(), rule.id(), rule.tier(), action, target, type);
        }
    }

    /** Replaces spans by typed placeholders; overlapping spans merge (the earlier one's type wins). */
    static final class Redaction {

        private Redaction() {
        }

        static String apply(String text, List<Span> spans) {
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
            StringBuilder out = new StringBuilder(text.length());
            int at = 0;
            for (Span span : sorted) {
                if (span.start() < at) {
                    continue;
                }
                out.append(text, at, span.start()).append(placeholder(span.type()));
                at = span.end();
            }
            return out.append(text, at, text.length()).toString();
        }

        static String placeholder(String type) {
            return "MATCH".equals(type) ? "[REDACTED]" : "[REDACTED_" + type + "]";
        }
    }
}
