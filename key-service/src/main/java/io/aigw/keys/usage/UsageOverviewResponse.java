package io.aigw.keys.usage;

import java.time.Instant;
import java.util.List;

/** {@code GET /admin/v1/usage/overview}: daily buckets ordered by day then key, and the range totals. */
public record UsageOverviewResponse(Instant from, Instant to, String groupBy, List<UsageBucket> data,
        UsageTotals totals) {
}
