package io.aigw.catalog.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * Prices in USD: per million tokens, and per request. {@code null} = unknown / not charged separately (the gateway
 * then charges cache reads and writes at the input rate, reasoning at the output rate). {@code cachedInputPerMTok}
 * is the cache-read rate, {@code cacheWritePerMTok} the (Anthropic 5-minute) cache write, {@code cacheWrite1hPerMTok}
 * the 1-hour cache write, {@code reasoningPerMTok} reasoning tokens where a provider bills them apart.
 */
public record Pricing(BigDecimal inputPerMTok, BigDecimal outputPerMTok, BigDecimal cachedInputPerMTok,
        BigDecimal cacheWritePerMTok, BigDecimal cacheWrite1hPerMTok, BigDecimal reasoningPerMTok,
        BigDecimal perRequest) {

    public static final Pricing NONE = new Pricing(null, null, null, null, null, null, null);

    /** Exact decimals without trailing zeros and never in exponent form ({@code 10}, not {@code 1E+1}). */
    public static BigDecimal normalise(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public Pricing normalised() {
        return new Pricing(normalise(inputPerMTok), normalise(outputPerMTok), normalise(cachedInputPerMTok),
                normalise(cacheWritePerMTok), normalise(cacheWrite1hPerMTok), normalise(reasoningPerMTok),
                normalise(perRequest));
    }

    /** Whether no rate is set at all (not a JSON property). */
    @JsonIgnore
    public boolean isEmpty() {
        return inputPerMTok == null && outputPerMTok == null && cachedInputPerMTok == null && cacheWritePerMTok == null
                && cacheWrite1hPerMTok == null && reasoningPerMTok == null && perRequest == null;
    }
}
