package io.aigw.keys.usage;

import io.aigw.kit.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The usage ledger in plain SQL on the reactive pool: bulk inserts and aggregations are what it does,
 * which Hibernate adds nothing to. Inserts are idempotent on the primary key {@code (occurred_at, event_id)} (V14): a
 * redelivered event is the same record. Events of attempt 0 (a request that made
 * no attempt: every candidate skipped) count as requests, never as attempts.
 */
@ApplicationScoped
public class UsageRepository {

    static final String COLUMNS = "event_id, request_id, access_key_id, configuration_id, provider_id,"
            + " model_id, provider_key_id, surface, attempt, final, status, outcome, streaming, input_tokens,"
            + " output_tokens, cached_input_tokens, cache_write_tokens, cache_write_1h_tokens, reasoning_tokens,"
            + " tokens_estimated, cost_usd, cost_source, latency_ms, time_to_first_token_ms, occurred_at, trace_id,"
            + " firewall, skipped, auto_choice";
    /** Grouping expressions by {@code groupBy} value (a whitelist: never SQL from the caller). */
    static final Map<String, String> GROUP_KEYS = Map.of("provider", "provider_id",
            "model", "provider_id || ':' || model_id", "accessKey", "access_key_id",
            "configuration", "coalesce(configuration_id, '')");

    /** The ledger column of each budget scope (a whitelist: never SQL from the caller). */
    static final Map<String, String> SPEND_SCOPES = Map.of("key", "access_key_id", "configuration", "configuration_id");

    private final Pool pool;

    public UsageRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the attempts not stored yet; answers how many were new. */
    public Uni<Integer> insertAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery(LedgerBatch.INSERT).execute(LedgerBatch.parameters(events)).map(RowSet::rowCount);
    }

    /** Newest first; the cursor holds the last row's (occurredAt, eventId). */
    public Uni<List<UsageEvent>> page(Instant from, Instant to, String accessKeyId, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(utc(from), utc(to)));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from usage_event where occurred_at >= $1 and occurred_at < $2");
        if (accessKeyId != null) {
            params.add(accessKeyId);
            sql.append(" and access_key_id = $").append(params.size());
        }
        if (page.hasCursor()) {
            params.add(utc(page.afterCreatedAt()));
            params.add(UUID.fromString(page.afterId()));
            sql.append(" and (occurred_at, event_id) < ($").append(params.size() - 1).append(", $").append(params.size()).append(')');
        }
        params.add(page.limit() + 1);
        sql.append(" order by occurred_at desc, event_id desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(UsageRepository::events);
    }

    public Uni<List<UsageEvent>> trace(String requestId) {
        return pool.preparedQuery("select " + COLUMNS + " from usage_event where request_id = $1 order by attempt, occurred_at")
                .execute(Tuple.of(requestId)).map(UsageRepository::events);
    }

    /** Daily (UTC) buckets per group key. */
    public Uni<List<UsageBucket>> overview(Instant from, Instant to, String groupBy) {
        String sql = "select (occurred_at at time zone 'UTC')::date as day, " + GROUP_KEYS.get(groupBy) + " as key,"
                + " count(distinct request_id) as requests, count(*) filter (where attempt > 0) as attempts,"
                + " coalesce(sum(input_tokens), 0)::bigint as input_tokens,"
                + " coalesce(sum(output_tokens), 0)::bigint as output_tokens, coalesce(sum(cost_usd), 0) as cost"
                + " from usage_event where occurred_at >= $1 and occurred_at < $2 group by 1, 2 order by 1, 2";
        return pool.preparedQuery(sql).execute(Tuple.of(utc(from), utc(to))).map(rows -> {
            List<UsageBucket> buckets = new ArrayList<>();
            rows.forEach(row -> buckets.add(new UsageBucket(row.getLocalDate("day").toString(), row.getString("key"),
                    row.getLong("requests"), row.getLong("attempts"), row.getLong("input_tokens"),
                    row.getLong("output_tokens"), Money.normalize(row.getBigDecimal("cost")))));
            return buckets;
        });
    }

    /** The cost and attempt count of each query, in order: one statement, each query an index range scan. */
    public Uni<List<SpendQuery.Spend>> spend(List<SpendQuery.Query> queries) {
        if (queries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            SpendQuery.Query q = queries.get(i);
            params.add(q.id());
            params.add(utc(q.from()));
            params.add(utc(q.to()));
            int n = params.size();
            sql.append(i == 0 ? "" : " union all ").append("select ").append(i).append(" as i, coalesce(sum(cost_usd), 0) as cost,")
                    .append(" count(*) filter (where attempt > 0) as attempts from usage_event where ")
                    .append(SPEND_SCOPES.get(q.scope()))
                    .append(" = $").append(n - 2).append(" and occurred_at >= $").append(n - 1)
                    .append(" and occurred_at < $").append(n);
        }
        return pool.preparedQuery(sql.append(" order by i").toString()).execute(Tuple.from(params)).map(rows -> {
            List<SpendQuery.Spend> spend = new ArrayList<>(queries.size());
            rows.forEach(row -> {
                SpendQuery.Query q = queries.get(row.getInteger("i"));
                spend.add(new SpendQuery.Spend(q.scope(), q.id(), q.from(), q.to(), Money.normalize(row.getBigDecimal("cost")),
                        row.getLong("attempts")));
            });
            return spend;
        });
    }

    public Uni<UsageTotals> totals(Instant from, Instant to, String column, String value) {
        String filter = column == null ? "" : " and " + column + " = $3";
        String sql = "select count(distinct request_id) as requests, count(*) filter (where attempt > 0) as attempts,"
                + " coalesce(sum(input_tokens), 0)::bigint as input_tokens,"
                + " coalesce(sum(output_tokens), 0)::bigint as output_tokens, coalesce(sum(cost_usd), 0) as cost"
                + " from usage_event where occurred_at >= $1 and occurred_at < $2" + filter;
        Tuple params = column == null ? Tuple.of(utc(from), utc(to)) : Tuple.of(utc(from), utc(to), value);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new UsageTotals(row.getLong("requests"), row.getLong("attempts"), row.getLong("input_tokens"),
                    row.getLong("output_tokens"), Money.normalize(row.getBigDecimal("cost")));
        });
    }

    private static List<UsageEvent> events(RowSet<Row> rows) {
        List<UsageEvent> events = new ArrayList<>();
        rows.forEach(row -> events.add(new UsageEvent(row.getUUID("event_id"), row.getString("request_id"),
                row.getString("access_key_id"), row.getString("configuration_id"), row.getString("provider_id"),
                row.getString("model_id"), row.getString("provider_key_id"), row.getString("surface"),
                row.getInteger("attempt"), row.getBoolean("final"), row.getInteger("status"), row.getString("outcome"),
                row.getBoolean("streaming"), new UsageTokens(row.getLong("input_tokens"), row.getLong("output_tokens"),
                        row.getLong("cached_input_tokens"), row.getLong("cache_write_tokens"),
                        row.getLong("cache_write_1h_tokens"), row.getLong("reasoning_tokens"),
                        row.getBoolean("tokens_estimated")),
                Money.normalize(row.getBigDecimal("cost_usd")), row.getString("cost_source"), row.getLong("latency_ms"),
                row.getLong("time_to_first_token_ms"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("trace_id"), firewall(row.getJsonArray("firewall")), skipped(row.getJsonArray("skipped")),
                row.getString("auto_choice"))));
        return events;
    }

    /** The decisions as the jsonb column holds them; null when there are none. */
    static JsonArray firewall(List<UsageEvent.FirewallDecision> decisions) {
        if (decisions == null || decisions.isEmpty()) {
            return null;
        }
        JsonArray array = new JsonArray();
        for (UsageEvent.FirewallDecision d : decisions) {
            array.add(new JsonObject().put("policyId", d.policyId()).put("ruleId", d.ruleId()).put("tier", d.tier())
                    .put("action", d.action()).put("target", d.target()).put("type", d.type()));
        }
        return array;
    }

    static List<UsageEvent.FirewallDecision> firewall(JsonArray column) {
        if (column == null) {
            return null;
        }
        List<UsageEvent.FirewallDecision> decisions = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            JsonObject d = column.getJsonObject(i);
            decisions.add(new UsageEvent.FirewallDecision(d.getString("policyId"), d.getString("ruleId"),
                    d.getString("tier"), d.getString("action"), d.getString("target"), d.getString("type")));
        }
        return decisions;
    }

    /** The skipped candidates as the jsonb column holds them; null when there are none. */
    static JsonArray skipped(List<UsageEvent.Skipped> skipped) {
        if (skipped == null || skipped.isEmpty()) {
            return null;
        }
        JsonArray array = new JsonArray();
        for (UsageEvent.Skipped s : skipped) {
            array.add(new JsonObject().put("model", s.model()).put("providerKeyId", s.providerKeyId())
                    .put("reason", s.reason()).put("detail", s.detail()));
        }
        return array;
    }

    static List<UsageEvent.Skipped> skipped(JsonArray column) {
        if (column == null) {
            return null;
        }
        List<UsageEvent.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            JsonObject s = column.getJsonObject(i);
            skipped.add(new UsageEvent.Skipped(s.getString("model"), s.getString("providerKeyId"), s.getString("reason"),
                    s.getString("detail")));
        }
        return skipped;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
