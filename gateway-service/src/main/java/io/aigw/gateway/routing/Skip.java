package io.aigw.gateway.routing;

/**
 * A candidate the request did not try, and why: named in `X-AIGW-Skipped` ({@link #header()}) and on the usage event
 * of the request's next attempt (or its last one), so that the attempt trace shows it. {@code reason} is a stable code
 * ({@link #OUTSIDE_SCOPE}, {@link #NOT_SERVED}, {@link #NOT_IN_CATALOG}, {@link #UNTRANSLATABLE}, {@link #COOLING_DOWN},
 * {@link #RETRY_BUDGET}); {@code detail} the words; {@code providerKeyId} the key of a skipped backend, else null.
 */
public record Skip(String model, String providerKeyId, String reason, String detail, String header) {

    public static final String OUTSIDE_SCOPE = "outside_scope";
    public static final String NOT_SERVED = "not_served";
    public static final String NOT_IN_CATALOG = "not_in_catalog";
    public static final String UNTRANSLATABLE = "untranslatable";
    public static final String COOLING_DOWN = "cooling_down";
    public static final String RETRY_BUDGET = "retry_budget";

    /** A target of virtual model {@code name}: `<target> (virtual <name>): <words>` in the header. */
    public static Skip virtualTarget(String target, String name, String reason, String words) {
        return new Skip(target, null, reason, "virtual " + name + ": " + words,
                target + " (virtual " + name + "): " + words);
    }

    /** A model whose surface the request cannot be translated to: `<model> (<surface>): <why>`. */
    public static Skip untranslatable(String model, String surface, String why) {
        return new Skip(model, null, UNTRANSLATABLE, surface + ": " + why, model + " (" + surface + "): " + why);
    }

    /** A backend cooling down for {@code waitMs} more: `<model> key <id>: cooling down after failures (N s left)`. */
    public static Skip coolingDown(String model, String keyId, long waitMs) {
        String words = "cooling down after failures (" + Math.max(1, (waitMs + 999) / 1000) + " s left)";
        return new Skip(model, keyId, COOLING_DOWN, words, model + (keyId == null ? "" : " key " + keyId) + ": " + words);
    }

    /** The attempt on {@code model} (and every later one) not made: the replica's retry budget is spent. */
    public static Skip retryBudget(String model, String keyId, int notMade) {
        return new Skip(model, keyId, RETRY_BUDGET, "the gateway's retry budget is spent; " + notMade
                + " planned attempt" + (notMade == 1 ? "" : "s") + " not made",
                "further attempts: the gateway's retry budget is spent");
    }
}
