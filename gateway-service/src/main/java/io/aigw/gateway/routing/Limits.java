package io.aigw.gateway.routing;

/**
 * SPEC §2.4 limits of an access key: null fields are no limit. {@code keyBudgets} apply to each key on its own,
 * {@code configurationBudgets} to all keys of its configuration together. {@code allowUnpricedModels}: a budgeted
 * key may call models without any price (charged 0) instead of being refused with `model_not_priced`.
 */
public record Limits(Long requestsPerMinute, Long tokensPerMinute, Budgets keyBudgets, Budgets configurationBudgets,
        boolean allowUnpricedModels) {

    public static final Limits NONE = new Limits(null, null, Budgets.NONE, Budgets.NONE, false);

    /** Whether anything is limited (a key without limits costs no Redis call on the request path). */
    public boolean any() {
        return requestsPerMinute != null || tokensPerMinute != null || budgeted();
    }

    /** Whether a spend budget applies (then every attempt reserves its worst-case cost first). */
    public boolean budgeted() {
        return keyBudgets.any() || configurationBudgets.any();
    }
}
