package io.aigw.gateway.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * USD as integer nano-dollars, the unit of the Redis budget counters: Redis adds integers exactly, and Lua compares
 * them exactly below 2^53 (9 million USD), which bounds every budget.
 */
public final class Nanos {

    private static final BigDecimal PER_USD = BigDecimal.valueOf(1_000_000_000L);

    private Nanos() {
    }

    /** Rounded up: spend is never under-counted. */
    public static long of(BigDecimal usd) {
        return usd == null ? 0 : usd.multiply(PER_USD).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** As USD, without trailing zeros or exponent. */
    public static BigDecimal usd(long nanos) {
        BigDecimal usd = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }
}
