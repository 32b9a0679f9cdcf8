package io.aigw.gateway.routing;

import java.math.BigDecimal;

/**
 * USD per million tokens, and per request; a null rate is not charged apart (cache reads and writes then cost
 * the input rate, reasoning the output rate). {@code cachedInputPerMTok} is the cache-read rate,
 * {@code cacheWritePerMTok} Anthropic's 5-minute cache write, {@code cacheWrite1hPerMTok} its 1-hour write.
 */
public record Pricing(BigDecimal inputPerMTok, BigDecimal outputPerMTok, BigDecimal cachedInputPerMTok,
        BigDecimal cacheWritePerMTok, BigDecimal cacheWrite1hPerMTok, BigDecimal reasoningPerMTok,
        BigDecimal perRequest) {

    public static final Pricing UNKNOWN = new Pricing(null, null, null, null, null, null, null);

    /** Whether any rate is known: a model priced at 0 (free) is priced, one with no rate at all is not. */
    public boolean known() {
        return inputPerMTok != null || outputPerMTok != null || perRequest != null || cachedInputPerMTok != null
                || cacheWritePerMTok != null || cacheWrite1hPerMTok != null || reasoningPerMTok != null;
    }
}
