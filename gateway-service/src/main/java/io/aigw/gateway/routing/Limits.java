package io.aigw.gateway.routing;

import java.math.BigDecimal;

/** SPEC §2.4 limits of an access key: null fields are no limit. */
public record Limits(Long requestsPerMinute, Long tokensPerMinute, BigDecimal monthlyBudgetUsd) {

    public static final Limits NONE = new Limits(null, null, null);

    /** Whether anything is limited (a key without limits costs no Redis call on the request path). */
    public boolean any() {
        return requestsPerMinute != null || tokensPerMinute != null || monthlyBudgetUsd != null;
    }
}
