package io.aigw.catalog.model;

import java.math.BigDecimal;

/** Prices in USD: per million tokens, and per request. {@code null} = unknown / not charged separately. */
public record Pricing(BigDecimal inputPerMTok, BigDecimal outputPerMTok, BigDecimal cachedInputPerMTok,
        BigDecimal cacheWritePerMTok, BigDecimal perRequest) {

    public static final Pricing NONE = new Pricing(null, null, null, null, null);

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
                normalise(cacheWritePerMTok), normalise(perRequest));
    }
}
