package io.aigw.gateway.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a label's distinct values bounded: the first {@code max} values seen are used as they are, later
 * ones read `other`, so clients cannot blow up the series count. Null reads `none`.
 */
public final class LabelCap {

    private final int max;
    private final String overflow;
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    public LabelCap(int max) {
        this(max, "other");
    }

    /** {@code overflow}: the label of values past the first {@code max}. */
    public LabelCap(int max, String overflow) {
        this.max = max;
        this.overflow = overflow;
    }

    public String label(String value) {
        if (value == null) {
            return "none";
        }
        if (seen.containsKey(value)) {
            return value;
        }
        if (seen.size() >= max) {
            return overflow;
        }
        seen.put(value, Boolean.TRUE);
        return value;
    }
}
