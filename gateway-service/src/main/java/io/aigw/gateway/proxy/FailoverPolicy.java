package io.aigw.gateway.proxy;

/** SPEC §1.4 in one place: what an upstream answer or failure leads to. */
final class FailoverPolicy {

    /** The longest Retry-After the gateway waits out on the same backend. */
    static final long MAX_RETRY_AFTER_MS = 5_000;
    /** Same-backend retries per request. */
    static final int MAX_SAME_BACKEND_RETRIES = 2;

    /** The next step after a failed attempt. */
    enum Action {
        /** Wait the Retry-After, then the same model with the same key. */
        RETRY_SAME_BACKEND("retry", "retry_after"),
        /** The next planned attempt: the same model's next key, then the next model. */
        NEXT_KEY("failover", null),
        /** Skip the rest of this model's keys. */
        NEXT_MODEL("failover", "server_error"),
        /** Give up: the error goes back to the client, translated. */
        STOP("error", null);

        final String outcome;
        final String reason;

        Action(String outcome, String reason) {
            this.outcome = outcome;
            this.reason = reason;
        }
    }

    private FailoverPolicy() {
    }

    /**
     * For an upstream error status. {@code retryAfterMs} is -1 when absent; {@code retryFits} tells whether
     * waiting it out still fits the total timeout and the attempt budget.
     */
    static Action forStatus(int status, long retryAfterMs, int sameBackendRetries, boolean retryFits) {
        if (status == 401 || status == 403) {
            return Action.NEXT_KEY;
        }
        if (status == 429) {
            boolean retry = retryAfterMs >= 0 && retryAfterMs <= MAX_RETRY_AFTER_MS
                    && sameBackendRetries < MAX_SAME_BACKEND_RETRIES && retryFits;
            return retry ? Action.RETRY_SAME_BACKEND : Action.NEXT_KEY;
        }
        if (status == 408 || status >= 500) {
            return Action.NEXT_MODEL;
        }
        return Action.STOP;
    }

    /** The metric reason of a move to another attempt. */
    static String reason(int status, Action action) {
        if (action.reason != null) {
            return action.reason;
        }
        return status == 429 ? "rate_limited" : "auth";
    }
}
