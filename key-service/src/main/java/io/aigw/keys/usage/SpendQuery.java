package io.aigw.keys.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /internal/v1/usage/spend:query}: the ledger's spend of many budget owners at once, each over its own
 * {@code [from, to)} (a gateway rebuilding or reconciling its Redis budget counters). {@code scope} is `key` (an
 * access key id) or `configuration` (all keys of a configuration).
 */
public final class SpendQuery {

    private SpendQuery() {
    }

    public record Request(List<Query> queries) {
    }

    public record Query(String scope, String id, Instant from, Instant to) {
    }

    public record Response(List<Spend> spend) {
    }

    /** What the ledger holds for one query: the sum of its attempts' costs and their number. */
    public record Spend(String scope, String id, Instant from, Instant to, BigDecimal costUsd, long attempts) {
    }
}
