package io.aigw.keys.usage;

import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A batch of usage events as one {@code insert … select from unnest(…)}: 29 arrays, one statement, whatever the batch's
 * size (issue 19). A statement per row, even pipelined, cost PostgreSQL a parse-free but full execution per event;
 * one set-based insert costs a fraction of that per row. Idempotent on {@code (occurred_at, event_id)}, the primary key.
 */
final class LedgerBatch {

    static final String INSERT = "insert into usage_event (" + UsageRepository.COLUMNS + ")"
            + " select e, r, k, c, p, m, pk, s, a, f, st, o, str, it, ot, ci, cw, cw1, rt, te, cost, cs, lat, ttft, at,"
            + " tr, fw::jsonb, sk::jsonb, ac from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::text[], $9::int4[], $10::bool[], $11::int4[], $12::text[], $13::bool[], $14::int8[],"
            + " $15::int8[], $16::int8[], $17::int8[], $18::int8[], $19::int8[], $20::bool[], $21::numeric[],"
            + " $22::text[], $23::int8[], $24::int8[], $25::timestamptz[], $26::text[], $27::text[], $28::text[],"
            + " $29::text[]) as t(e, r, k, c, p, m, pk, s, a, f, st, o, str, it, ot, ci, cw, cw1, rt, te, cost, cs, lat,"
            + " ttft, at, tr, fw, sk, ac)"
            + " on conflict (occurred_at, event_id) do nothing";

    private LedgerBatch() {
    }

    /** The 29 column arrays of {@link #INSERT}, in its order. */
    static Tuple parameters(List<UsageEvent> events) {
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        String[] requestIds = new String[n];
        String[] accessKeyIds = new String[n];
        String[] configurationIds = new String[n];
        String[] providerIds = new String[n];
        String[] modelIds = new String[n];
        String[] providerKeyIds = new String[n];
        String[] surfaces = new String[n];
        Integer[] attempts = new Integer[n];
        Boolean[] finals = new Boolean[n];
        Integer[] statuses = new Integer[n];
        String[] outcomes = new String[n];
        Boolean[] streaming = new Boolean[n];
        Long[] input = new Long[n];
        Long[] output = new Long[n];
        Long[] cachedInput = new Long[n];
        Long[] cacheWrite = new Long[n];
        Long[] cacheWrite1h = new Long[n];
        Long[] reasoning = new Long[n];
        Boolean[] estimated = new Boolean[n];
        Numeric[] costs = new Numeric[n];
        String[] costSources = new String[n];
        Long[] latencies = new Long[n];
        Long[] timesToFirstToken = new Long[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        String[] traceIds = new String[n];
        String[] firewall = new String[n];
        String[] skipped = new String[n];
        String[] autoChoices = new String[n];
        for (int i = 0; i < n; i++) {
            UsageEvent e = events.get(i);
            UsageTokens tokens = e.tokens() == null ? UsageTokens.NONE : e.tokens();
            eventIds[i] = e.eventId();
            requestIds[i] = e.requestId();
            accessKeyIds[i] = e.accessKeyId();
            configurationIds[i] = e.configurationId();
            providerIds[i] = e.providerId();
            modelIds[i] = e.modelId();
            providerKeyIds[i] = e.providerKeyId();
            surfaces[i] = e.surface();
            attempts[i] = e.attempt();
            finals[i] = e.isFinal();
            statuses[i] = e.status();
            outcomes[i] = e.outcome();
            streaming[i] = e.streaming();
            input[i] = tokens.input();
            output[i] = tokens.output();
            cachedInput[i] = tokens.cachedInput();
            cacheWrite[i] = tokens.cacheWrite();
            cacheWrite1h[i] = tokens.cacheWrite1h();
            reasoning[i] = tokens.reasoning();
            estimated[i] = tokens.estimated();
            costs[i] = Numeric.create(e.costUsd() == null ? BigDecimal.ZERO : e.costUsd());
            costSources[i] = e.costSource();
            latencies[i] = e.latencyMs();
            timesToFirstToken[i] = e.timeToFirstTokenMs();
            occurredAt[i] = UsageRepository.utc(e.occurredAt());
            traceIds[i] = e.validTraceId();
            JsonArray decisions = UsageRepository.firewall(e.firewall());
            firewall[i] = decisions == null ? null : decisions.encode();
            JsonArray skips = UsageRepository.skipped(e.skipped());
            skipped[i] = skips == null ? null : skips.encode();
            autoChoices[i] = e.auto();
        }
        return Tuple.from(new Object[] {eventIds, requestIds, accessKeyIds, configurationIds, providerIds, modelIds,
                providerKeyIds, surfaces, attempts, finals, statuses, outcomes, streaming, input, output, cachedInput,
                cacheWrite, cacheWrite1h, reasoning, estimated, costs, costSources, latencies, timesToFirstToken,
                occurredAt, traceIds, firewall, skipped, autoChoices});
    }
}
