package io.aigw.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.config.configuration.Limits;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.json.JsonInput;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies a settings body to a base document (the defaults for PUT, the current settings for
 * PATCH): a field given replaces the base one, null resets it to its default.
 */
public final class GatewaySettingsParser {

    static final Set<String> READ_ONLY = Set.of("version", "updatedAt");
    private static final Set<String> FIELDS = Set.of("attemptTimeout", "totalTimeout", "maxAttempts",
            "maxBodyBytes", "maxInputTokens", "maxOutputTokens", "defaultLimits", "limitsFailMode",
            "firewallPolicyId", "cooldown");
    private static final Set<String> COOLDOWN_FIELDS = Set.of("failures", "window", "duration", "providerFailures",
            "retryRatio", "minRetriesPerSecond");
    private static final java.math.BigDecimal MAX_RETRY_RATIO = java.math.BigDecimal.valueOf(100);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private GatewaySettingsParser() {
    }

    public static GatewaySettingsDocument apply(GatewaySettingsDocument base, JsonNode body, ObjectMapper mapper) {
        if (body == null || !body.isObject()) {
            throw ProblemException.validation(FieldError.at("", "must be a JSON object"));
        }
        JsonInput in = new JsonInput();
        ObjectNode defaults = mapper.valueToTree(GatewaySettingsDocument.DEFAULTS);
        ObjectNode merged = mapper.valueToTree(base);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (FIELDS.contains(name)) {
                merged.set(name, field.getValue().isNull() ? defaults.get(name) : field.getValue());
            } else if (!READ_ONLY.contains(name)) {
                in.error("/" + JsonInput.escape(name), "unknown field");
            }
        }
        Duration attempt = duration(in, merged, "attemptTimeout");
        Duration total = duration(in, merged, "totalTimeout");
        if (attempt != null && total != null && total.compareTo(attempt) < 0) {
            in.error("/totalTimeout", "must be at least attemptTimeout (" + attempt + ")");
        }
        Long maxAttempts = in.integer(merged, "maxAttempts", "/maxAttempts", 1, 100);
        Long maxBody = in.integer(merged, "maxBodyBytes", "/maxBodyBytes", 1024, 1024L * 1024 * 1024);
        Long maxInput = in.integer(merged, "maxInputTokens", "/maxInputTokens", 1, 100_000_000);
        Long maxOutput = in.integer(merged, "maxOutputTokens", "/maxOutputTokens", 1, 100_000_000);
        Limits limits = Limits.read(in, merged.get("defaultLimits"), "/defaultLimits", false);
        String failMode = in.string(merged, "limitsFailMode", "/limitsFailMode", true, 10);
        if (failMode != null && !failMode.equals("open") && !failMode.equals("closed")) {
            in.error("/limitsFailMode", "must be \"open\" or \"closed\"");
        }
        String baseline = in.string(merged, "firewallPolicyId", "/firewallPolicyId", false, 40);
        Cooldown cooldown = cooldown(in, merged.get("cooldown"));
        in.throwIfInvalid();
        return new GatewaySettingsDocument(attempt.toString(), total.toString(), maxAttempts.intValue(), maxBody,
                maxInput, maxOutput, limits, failMode, baseline, cooldown);
    }

    /** The `cooldown` object, replaced whole: absent fields take the defaults. */
    private static Cooldown cooldown(JsonInput in, JsonNode node) {
        Cooldown d = Cooldown.DEFAULTS;
        if (node == null || node.isNull()) {
            return d;
        }
        if (!in.object(node, "/cooldown")) {
            return d;
        }
        in.onlyFields(node, "/cooldown", COOLDOWN_FIELDS);
        long failures = or(in.integer(node, "failures", "/cooldown/failures", 0, 1000), d.failures());
        long provider = or(in.integer(node, "providerFailures", "/cooldown/providerFailures", 0, 100_000),
                d.providerFailures());
        Duration window = node.hasNonNull("window") ? duration(in, node, "window", "/cooldown/window") : null;
        Duration length = node.hasNonNull("duration") ? duration(in, node, "duration", "/cooldown/duration") : null;
        java.math.BigDecimal ratio = in.decimal(node, "retryRatio", "/cooldown/retryRatio");
        if (ratio != null && ratio.compareTo(MAX_RETRY_RATIO) > 0) {
            in.error("/cooldown/retryRatio", "must be at most " + MAX_RETRY_RATIO);
        }
        long minRetries = or(in.integer(node, "minRetriesPerSecond", "/cooldown/minRetriesPerSecond", 0, 100_000),
                d.minRetriesPerSecond());
        return new Cooldown((int) failures, window == null ? d.window() : window.toString(),
                length == null ? d.duration() : length.toString(), (int) provider,
                ratio == null ? d.retryRatio() : ratio, (int) minRetries);
    }

    private static long or(Long value, long otherwise) {
        return value == null ? otherwise : value;
    }

    private static Duration duration(JsonInput in, JsonNode merged, String field) {
        return duration(in, merged, field, "/" + field);
    }

    private static Duration duration(JsonInput in, JsonNode parent, String field, String pointer) {
        String text = in.string(parent, field, pointer, true, 40);
        if (text == null) {
            return null;
        }
        Duration value = Durations.parse(text);
        if (value == null) {
            in.error(pointer, "must be a duration such as \"30s\", \"2m\" or \"PT30S\"");
        } else if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            in.error(pointer, "must be positive and at most " + MAX_TIMEOUT);
            return null;
        }
        return value;
    }
}
