package io.aigw.gateway.limits;

/**
 * What the admission script answered: its code (see {@link LimitScripts#ADMIT}), the minute's requests and tokens,
 * and for budgets the least nano-USD left after the reservation (or, refused, the index of the budget and what it had left).
 */
record Admission(int code, long requests, long tokens, long budgetIndex, long left, long[] missing) {

    static final int ADMITTED = 0;
    static final int MISSING = 1;
    static final int OVER_REQUESTS = 2;
    static final int OVER_TOKENS = 3;
    static final int OVER_BUDGET = 4;

    static Admission of(io.vertx.mutiny.redis.client.Response r) {
        int code = r.get(0).toInteger();
        if (code == MISSING) {
            long[] missing = new long[r.size() - 1];
            for (int i = 1; i < r.size(); i++) {
                missing[i - 1] = r.get(i).toLong();
            }
            return new Admission(code, 0, 0, -1, 0, missing);
        }
        long requests = r.size() > 1 ? r.get(1).toLong() : 0;
        long tokens = r.size() > 2 ? r.get(2).toLong() : 0;
        if (code == OVER_BUDGET) {
            return new Admission(code, requests, tokens, r.get(3).toLong(), r.get(4).toLong(), null);
        }
        return new Admission(code, requests, tokens, -1, r.size() > 3 ? r.get(3).toLong() : -1, null);
    }
}
