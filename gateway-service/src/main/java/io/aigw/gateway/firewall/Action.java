package io.aigw.gateway.firewall;

import java.util.Locale;

/**
 * What a match does: refuse, replace the matched text by a typed placeholder, or only record. {@code ALLOW} is only
 * recorded: an {@code allow}-tier rule matched (and cancelled the soft denials before it).
 */
public enum Action {
    BLOCK, REDACT, AUDIT, ALLOW;

    /** The label in metrics and records. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Action parse(String text) {
        return switch (text == null ? "block" : text) {
            case "block" -> BLOCK;
            case "redact" -> REDACT;
            case "audit" -> AUDIT;
            default -> throw new IllegalArgumentException("unknown firewall action " + text);
        };
    }
}
