package io.aigw.keys.usage;

import java.math.BigDecimal;

/** USD amounts: exact decimals, written without trailing zeros or exponent (0.3, not 0.3000000000 or 3E-1). */
final class Money {

    private Money() {
    }

    static BigDecimal normalize(BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
