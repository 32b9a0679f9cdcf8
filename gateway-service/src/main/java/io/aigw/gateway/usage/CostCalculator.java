package io.aigw.gateway.usage;

import io.aigw.gateway.routing.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD cost of an attempt from catalog pricing (per million tokens), in BigDecimal; unknown prices count 0. */
public final class CostCalculator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private CostCalculator() {
    }

    public static BigDecimal cost(Pricing pricing, UsageEvent.Tokens tokens) {
        if (pricing == null || tokens == null) {
            return BigDecimal.ZERO;
        }
        long cached = Math.min(tokens.cachedInput(), tokens.input());
        BigDecimal cachedPrice = pricing.cachedInputPerMTok() != null ? pricing.cachedInputPerMTok() : pricing.inputPerMTok();
        BigDecimal perMillion = times(pricing.inputPerMTok(), tokens.input() - cached)
                .add(times(cachedPrice, cached))
                .add(times(pricing.outputPerMTok(), tokens.output()));
        BigDecimal cost = perMillion.divide(MILLION, 12, RoundingMode.HALF_UP);
        if (pricing.perRequest() != null) {
            cost = cost.add(pricing.perRequest());
        }
        return cost.stripTrailingZeros();
    }

    private static BigDecimal times(BigDecimal price, long count) {
        return price == null || count == 0 ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(count));
    }
}
