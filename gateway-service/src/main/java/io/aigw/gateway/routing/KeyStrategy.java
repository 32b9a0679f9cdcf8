package io.aigw.gateway.routing;

/** How a `keys` step orders its keys for each request (SPEC §1.4 "Balancing"); failover tries the rest. */
public enum KeyStrategy {
    /** As written (the default). */
    ORDERED,
    /** Weighted random without replacement: a key comes first in proportion to its weight. */
    WEIGHTED,
    /** A rotating start, per step and per replica. */
    ROUND_ROBIN,
    /** Fewest attempts in flight on this replica first; ties rotate. */
    LEAST_BUSY;

    /** The strategy named in a configuration ({@code null} = ordered); an unknown name is ordered too. */
    public static KeyStrategy of(String name) {
        if (name == null) {
            return ORDERED;
        }
        return switch (name) {
            case "weighted" -> WEIGHTED;
            case "round-robin" -> ROUND_ROBIN;
            case "least-busy" -> LEAST_BUSY;
            default -> ORDERED;
        };
    }
}
