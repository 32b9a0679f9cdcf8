package io.aigw.gateway.usage;

import io.aigw.gateway.routing.ModelPrice;
import io.aigw.gateway.routing.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The USD cost of an attempt, exact in BigDecimal. A cost the provider reported wins; otherwise every kind of
 * token is charged at its own rate: uncached input at the input rate, cache reads at the cache-read rate, 5-minute
 * and 1-hour cache writes at theirs, reasoning at the reasoning rate and the rest of the output at the output
 * rate (a rate not set falls back to the input or output rate), plus the per-request fee.
 */
public final class CostCalculator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private CostCalculator() {
    }

    /** A cost and where it came from (the event's `costSource`). */
    public record Cost(BigDecimal usd, String source) {
    }

    public static Cost cost(ModelPrice price, UsageEvent.Tokens tokens) {
        if (tokens != null && tokens.reportedCostUsd() != null) {
            return new Cost(normal(tokens.reportedCostUsd()), "provider");
        }
        if (price == null || !price.known()) {
            return new Cost(BigDecimal.ZERO, ModelPrice.NONE.source());
        }
        return new Cost(cost(price.pricing(), tokens == null ? UsageEvent.Tokens.NONE : tokens), price.source());
    }

    /** The cost of {@code tokens} at {@code pricing}. */
    public static BigDecimal cost(Pricing pricing, UsageEvent.Tokens tokens) {
        long cacheRead = Math.min(tokens.cachedInput(), tokens.input());
        long write1h = Math.min(tokens.cacheWrite1h(), tokens.input() - cacheRead);
        long write5m = Math.min(tokens.cacheWrite(), tokens.input() - cacheRead - write1h);
        long uncached = tokens.input() - cacheRead - write1h - write5m;
        long reasoning = Math.min(tokens.reasoning(), tokens.output());
        BigDecimal input = pricing.inputPerMTok();
        BigDecimal output = pricing.outputPerMTok();
        BigDecimal perMillion = times(input, uncached)
                .add(times(or(pricing.cachedInputPerMTok(), input), cacheRead))
                .add(times(or(pricing.cacheWritePerMTok(), input), write5m))
                .add(times(or(pricing.cacheWrite1hPerMTok(), or(pricing.cacheWritePerMTok(), input)), write1h))
                .add(times(or(pricing.reasoningPerMTok(), output), reasoning))
                .add(times(output, tokens.output() - reasoning));
        BigDecimal cost = perMillion.divide(MILLION, 12, RoundingMode.HALF_UP);
        if (pricing.perRequest() != null) {
            cost = cost.add(pricing.perRequest());
        }
        return normal(cost);
    }

    /** The most an attempt can cost: every input token at the dearest input rate, every output one at the dearest output rate. */
    public static BigDecimal worstCase(Pricing pricing, long inputTokens, long outputTokens) {
        BigDecimal in = max(pricing.inputPerMTok(), pricing.cachedInputPerMTok(), pricing.cacheWritePerMTok(),
                pricing.cacheWrite1hPerMTok());
        BigDecimal out = max(pricing.outputPerMTok(), pricing.reasoningPerMTok());
        BigDecimal cost = times(in, inputTokens).add(times(out, outputTokens)).divide(MILLION, 12, RoundingMode.CEILING);
        return normal(pricing.perRequest() == null ? cost : cost.add(pricing.perRequest()));
    }

    private static BigDecimal max(BigDecimal... rates) {
        BigDecimal max = null;
        for (BigDecimal rate : rates) {
            if (rate != null && (max == null || rate.compareTo(max) > 0)) {
                max = rate;
            }
        }
        return max;
    }

    private static BigDecimal or(BigDecimal rate, BigDecimal fallback) {
        return rate != null ? rate : fallback;
    }

    private static BigDecimal times(BigDecimal price, long count) {
        return price == null || count <= 0 ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(count));
    }

    private static BigDecimal normal(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
