package io.aigw.gateway.routing;

import java.math.BigDecimal;

/** USD per million tokens (and per request); null = unknown. */
public record Pricing(BigDecimal inputPerMTok, BigDecimal outputPerMTok, BigDecimal cachedInputPerMTok,
        BigDecimal perRequest) {

    public static final Pricing UNKNOWN = new Pricing(null, null, null, null);
}
