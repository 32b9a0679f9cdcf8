package io.aigw.keys.usage;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.keys.common.RandomIds;
import io.aigw.keys.support.JsonShape;
import io.aigw.keys.support.TestCatalog;
import io.aigw.keys.support.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The usage ledger follows the real usage-events topic and answers the usage APIs. */
@QuarkusTest
class UsageLedgerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final UsageConsumer consumer;

    UsageLedgerTest(UsageConsumer consumer) {
        this.consumer = consumer;
    }

    /** A usage event shaped exactly as in docs/contracts.md. */
    static String event(String eventId, String requestId, String accessKeyId, String provider, String model, int attempt,
            boolean last, int status, long in, long out, String cost, Instant at) {
        return "{\"eventId\":\"" + eventId + "\",\"requestId\":\"" + requestId + "\",\"accessKeyId\":\"" + accessKeyId
                + "\",\"configurationId\":null,\"providerId\":\"" + provider + "\",\"modelId\":\"" + model
                + "\",\"providerKeyId\":null,\"surface\":\"openai/chat-completions\",\"attempt\":" + attempt
                + ",\"final\":" + last + ",\"status\":" + status + ",\"outcome\":\"" + (last ? "success" : "failover")
                + "\",\"streaming\":false,\"tokens\":{\"input\":" + in + ",\"output\":" + out
                + ",\"cachedInput\":0,\"reasoning\":0,\"estimated\":false},\"costUsd\":" + cost
                + ",\"latencyMs\":120,\"timeToFirstTokenMs\":null,\"occurredAt\":\"" + at + "\"}";
    }

    static String uniqueKey() {
        return "ak_" + RandomIds.base32(12);
    }

    static String uniqueRequest() {
        return "req_" + RandomIds.base32(20);
    }

    static void publish(String accessKeyId, String json) {
        TestKafka.publish("test.usage-events", accessKeyId, json);
    }

    static void awaitStored(String sql, Object param, long count) {
        TestCatalog.await(() -> TestCatalog.queryLong(sql, param) == count, sql + " = " + count);
    }

    static JsonNode json(String body) throws Exception {
        return MAPPER.readTree(body);
    }

    @Test
    void shouldStoreTheGatewayGoldenFixtureAndReturnItsTraceInTheSameShape() throws Throwable {
        Path file = Path.of("../gateway-service/src/test/resources/events/usage-events.v1.json");
        Assumptions.assumeTrue(Files.exists(file), "producer fixture not written yet: " + file);
        JsonNode fixture = MAPPER.readTree(Files.readString(file));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (JsonNode event : fixture) {
            records.add(new ConsumerRecord<>("usage-events", 0, records.size(), event.path("accessKeyId").asText(),
                    event.toString()));
        }
        ConsumerRecords<String, String> batch = new ConsumerRecords<>(Map.of(new TopicPartition("usage-events", 0), records));
        VertxContextSupport.subscribeAndAwait(() -> consumer.onBatch(batch));
        VertxContextSupport.subscribeAndAwait(() -> consumer.onBatch(batch)); // redelivered: stored once

        String requestId = fixture.get(0).get("requestId").asText();
        JsonNode trace = json(admin().get("/admin/v1/usage/requests/" + requestId).then().statusCode(200)
                .extract().asString());
        assertEquals(fixture.size(), trace.get("attempts").size());
        for (int i = 0; i < fixture.size(); i++) {
            JsonShape.assertSameShape(fixture.get(i), trace.get("attempts").get(i), "/attempts/" + i);
            assertEquals(fixture.get(i).get("eventId"), trace.get("attempts").get(i).get("eventId"));
            assertEquals(fixture.get(i).get("costUsd").decimalValue().compareTo(
                    trace.get("attempts").get(i).get("costUsd").decimalValue()), 0);
            assertEquals(fixture.get(i).get("traceId"), trace.get("attempts").get(i).get("traceId"));
            assertEquals(fixture.get(i).get("skipped"), trace.get("attempts").get(i).get("skipped"));
            assertEquals(fixture.get(i).get("auto"), trace.get("attempts").get(i).get("auto"));
        }
        assertEquals("cooling_down", trace.at("/attempts/1/skipped/0/reason").asText());
    }

    @Test
    void shouldStoreAnEventEncodedTwiceAndSkipRecordsThatAreNotEvents() throws Throwable {
        String key = uniqueKey();
        String twice = uniqueRequest();
        String plain = uniqueRequest();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String inner = event(UUID.randomUUID().toString(), twice, key, "openai", "gpt-4o", 1, true, 200, 3, 4, "0.25", now);
        List<ConsumerRecord<String, String>> records = List.of(
                new ConsumerRecord<>("usage-events", 0, 0, key, "not json at all"),
                new ConsumerRecord<>("usage-events", 0, 1, key, MAPPER.writeValueAsString(inner)), // a JSON string
                new ConsumerRecord<>("usage-events", 0, 2, key, "{\"eventId\":null}"),
                new ConsumerRecord<>("usage-events", 0, 3, key,
                        event(UUID.randomUUID().toString(), plain, key, "openai", "gpt-4o", 1, true, 200, 1, 2, "0.1", now)));
        ConsumerRecords<String, String> batch = new ConsumerRecords<>(Map.of(new TopicPartition("usage-events", 0), records));
        VertxContextSupport.subscribeAndAwait(() -> consumer.onBatch(batch));

        admin().get("/admin/v1/usage/requests/" + twice).then().statusCode(200)
                .body("attempts.size()", equalTo(1)).body("attempts[0].tokens.output", equalTo(4))
                .body("attempts[0].costUsd", equalTo(0.25f));
        admin().get("/admin/v1/usage/requests/" + plain).then().statusCode(200)
                .body("attempts.size()", equalTo(1)).body("attempts[0].tokens.input", equalTo(1));
        assertEquals(2L, TestCatalog.queryLong("select count(*) from usage_event where access_key_id = ?", key));
    }

    @Test
    void shouldKeepAnEventWithoutRoutingNotesAndOneOfARequestThatMadeNoAttempt() throws Throwable {
        String key = uniqueKey();
        String older = uniqueRequest();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // an older gateway's event: neither skipped nor auto
        publish(key, event(UUID.randomUUID().toString(), older, key, "openai", "gpt-4o", 1, true, 200, 1, 1, "0", now));
        String none = uniqueRequest();
        com.fasterxml.jackson.databind.node.ObjectNode skippedOnly = (com.fasterxml.jackson.databind.node.ObjectNode) json(event(UUID.randomUUID().toString(), none, key, "backup", "gpt-4o-mini",
                0, true, 503, 0, 0, "0", now));
        skippedOnly.put("outcome", "skipped").putArray("skipped").addObject().put("model", "backup:gpt-4o-mini")
                .put("providerKeyId", "pk_backup").put("reason", "cooling_down")
                .put("detail", "cooling down after failures (1 s left)");
        publish(key, skippedOnly.toString());
        awaitStored("select count(*) from usage_event where request_id = ?", none, 1);
        awaitStored("select count(*) from usage_event where request_id = ?", older, 1);

        admin().get("/admin/v1/usage/requests/" + older).then().statusCode(200)
                .body("attempts[0].outcome", equalTo("success"))
                .body("attempts[0].skipped", nullValue()).body("attempts[0].auto", nullValue());
        admin().get("/admin/v1/usage/requests/" + none).then().statusCode(200)
                .body("attempts[0].attempt", equalTo(0)).body("attempts[0].outcome", equalTo("skipped"))
                .body("attempts[0].skipped[0].reason", equalTo("cooling_down"))
                .body("attempts[0].skipped[0].providerKeyId", equalTo("pk_backup"));
    }

    @Test
    void shouldStoreEachAttemptOnceEvenWhenDeliveredTwice() {
        String key = uniqueKey();
        String request = uniqueRequest();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = event(UUID.randomUUID().toString(), request, key, "openai", "gpt-4o", 1, false, 429, 0, 0, "0", now);
        String second = event(UUID.randomUUID().toString(), request, key, "openrouter", "gpt-4o", 2, true, 200, 10, 20,
                "0.0004", now.plusMillis(300));
        publish(key, first);
        publish(key, second);
        publish(key, first);
        // a marker behind them on the same partition (same key): once it is stored, so is everything before it
        String marker = uniqueRequest();
        publish(key, event(UUID.randomUUID().toString(), marker, key, "openai", "gpt-4o", 1, true, 200, 1, 1, "0", now));
        awaitStored("select count(*) from usage_event where request_id = ?", marker, 1);
        assertEquals(2, TestCatalog.queryLong("select count(*) from usage_event where request_id = ?", request));

        admin().get("/admin/v1/usage/requests/" + request).then().statusCode(200)
                .body("requestId", equalTo(request))
                .body("attempts.attempt", equalTo(List.of(1, 2)))
                .body("attempts[0].final", equalTo(false)).body("attempts[0].outcome", equalTo("failover"))
                .body("attempts[1].providerId", equalTo("openrouter")).body("attempts[1].tokens.output", equalTo(20))
                .body("attempts[0].timeToFirstTokenMs", nullValue());
        admin().get("/admin/v1/usage/requests/req_unknown" + RandomIds.base32(8)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldListEventsOfOneKeyInARangeNewestFirstPageByPage() {
        String key = uniqueKey();
        Instant base = Instant.parse("2021-06-01T10:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(0, id);
            publish(key, event(id, uniqueRequest(), key, "openai", "gpt-4o", 1, true, 200, 1, 1, "0.001",
                    base.plusSeconds(i * 60L)));
        }
        String noise = uniqueKey();
        publish(noise, event(UUID.randomUUID().toString(), uniqueRequest(), noise, "openai", "gpt-4o", 1, true, 200, 1,
                1, "0", base.plusSeconds(30)));
        awaitStored("select count(*) from usage_event where access_key_id = ?", key, 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("accessKeyId", key).queryParam("from", "2021-06-01T00:00:00Z")
                    .queryParam("to", "2021-06-02T00:00:00Z").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/admin/v1/usage/events").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.eventId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(ids, seen);
        assertEquals(3, pages);
        // the range is half-open and filters
        admin().queryParam("accessKeyId", key).queryParam("from", base.plusSeconds(60).toString())
                .queryParam("to", base.plusSeconds(180).toString()).get("/admin/v1/usage/events").then()
                .statusCode(200).body("data.size()", equalTo(2));
    }

    @Test
    void shouldSumDailyBucketsExactlyByProviderModelAndKey() throws Exception {
        String keyA = uniqueKey();
        String keyB = uniqueKey();
        Instant day1 = Instant.parse("2020-02-01T23:00:00Z");
        Instant day2 = Instant.parse("2020-02-02T01:00:00Z");
        String retried = uniqueRequest();
        publish(keyA, event(UUID.randomUUID().toString(), retried, keyA, "openai", "gpt-4o", 1, false, 500, 5, 0, "0.1", day1));
        publish(keyA, event(UUID.randomUUID().toString(), retried, keyA, "openai", "gpt-4o", 2, true, 200, 10, 20, "0.2", day1));
        publish(keyA, event(UUID.randomUUID().toString(), uniqueRequest(), keyA, "openai", "gpt-4o-mini", 1, true, 200,
                1, 2, "0.000001", day2));
        publish(keyB, event(UUID.randomUUID().toString(), uniqueRequest(), keyB, "anthropic", "claude", 1, true, 200,
                100, 200, "1.5", day2));
        awaitStored("select count(*) from usage_event where occurred_at >= '2020-02-01' and occurred_at < '2020-02-03'"
                + " and access_key_id <> ?", "none", 4);

        JsonNode byProvider = json(admin().queryParam("from", "2020-02-01T00:00:00Z").queryParam("to", "2020-02-03T00:00:00Z")
                .queryParam("groupBy", "provider").get("/admin/v1/usage/overview").then().statusCode(200).extract().asString());
        assertEquals(3, byProvider.get("data").size());
        JsonNode openaiDay1 = byProvider.get("data").get(0);
        assertEquals("2020-02-01", openaiDay1.get("day").asText());
        assertEquals("openai", openaiDay1.get("key").asText());
        assertEquals(1, openaiDay1.get("requests").asLong());
        assertEquals(2, openaiDay1.get("attempts").asLong());
        assertEquals(15, openaiDay1.get("inputTokens").asLong());
        assertEquals(20, openaiDay1.get("outputTokens").asLong());
        assertEquals(new BigDecimal("0.3"), openaiDay1.get("costUsd").decimalValue());
        assertEquals("2020-02-02", byProvider.get("data").get(1).get("day").asText());
        assertEquals("anthropic", byProvider.get("data").get(1).get("key").asText());
        assertEquals(new BigDecimal("1.800001"), byProvider.get("totals").get("costUsd").decimalValue());
        assertEquals(3, byProvider.get("totals").get("requests").asLong());

        JsonNode byModel = json(admin().queryParam("from", "2020-02-02T00:00:00Z").queryParam("to", "2020-02-03T00:00:00Z")
                .queryParam("groupBy", "model").get("/admin/v1/usage/overview").then().statusCode(200).extract().asString());
        assertEquals("anthropic:claude", byModel.get("data").get(0).get("key").asText());
        assertEquals("openai:gpt-4o-mini", byModel.get("data").get(1).get("key").asText());
        assertEquals(new BigDecimal("0.000001"), byModel.get("data").get(1).get("costUsd").decimalValue());

        JsonNode byKey = json(admin().queryParam("from", "2020-02-01T00:00:00Z").queryParam("to", "2020-02-03T00:00:00Z")
                .queryParam("groupBy", "accessKey").get("/admin/v1/usage/overview").then().statusCode(200).extract().asString());
        assertEquals(3, byKey.get("data").size());
        assertEquals(keyA, byKey.get("data").get(0).get("key").asText());
    }

    @Test
    void shouldUpdateLastUsedAtInBatchesWithoutBumpingTheVersion() throws Exception {
        String id = admin().body("{\"name\":\"used\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        Instant latest = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 4; i >= 0; i--) {
            publish(id, event(UUID.randomUUID().toString(), uniqueRequest(), id, "openai", "gpt-4o", 1, true, 200, 1, 1,
                    "0", latest.minusSeconds(i)));
        }
        // the five events may be stored in more than one batch: wait for the newest one
        TestCatalog.await(() -> {
            String lastUsedAt = admin().get("/admin/v1/access-keys/" + id).then().extract().path("lastUsedAt");
            return lastUsedAt != null && Instant.parse(lastUsedAt).equals(latest);
        }, "lastUsedAt of " + id);
        var key = admin().get("/admin/v1/access-keys/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(latest, Instant.parse(key.getString("lastUsedAt")));
        assertEquals(1, key.getInt("version"));
        // an admin write afterwards keeps it (entity flushes never write last_used_at)
        admin().body("{\"name\":\"renamed\"}").patch("/admin/v1/access-keys/" + id).then().statusCode(200);
        assertNotNull(admin().get("/admin/v1/access-keys/" + id).then().extract().path("lastUsedAt"));
    }

    @Test
    void shouldReportMonthToDateSpendOfAnAccessKeyForBudgets() throws Exception {
        String key = uniqueKey();
        Instant now = Instant.now();
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        publish(key, event(UUID.randomUUID().toString(), uniqueRequest(), key, "openai", "gpt-4o", 1, true, 200, 1, 1,
                "100", monthStart.minusSeconds(1)));
        publish(key, event(UUID.randomUUID().toString(), uniqueRequest(), key, "openai", "gpt-4o", 1, true, 200, 1, 1,
                "1.25", monthStart));
        publish(key, event(UUID.randomUUID().toString(), uniqueRequest(), key, "openai", "gpt-4o", 1, true, 200, 1, 1,
                "0.5", now.minusSeconds(1)));
        awaitStored("select count(*) from usage_event where access_key_id = ?", key, 3);

        JsonNode spend = json(service().queryParam("accessKeyId", key).get("/internal/v1/usage/spend").then()
                .statusCode(200).extract().asString());
        assertEquals(new BigDecimal("1.75"), spend.get("costUsd").decimalValue());
        assertEquals(2, spend.get("requests").asLong());
        assertEquals(YearMonth.from(now.atZone(ZoneOffset.UTC)).toString(), spend.get("month").asText());
        assertEquals(monthStart, Instant.parse(spend.get("from").asText()));

        JsonNode none = json(service().queryParam("accessKeyId", uniqueKey()).get("/internal/v1/usage/spend").then()
                .statusCode(200).extract().asString());
        assertEquals(BigDecimal.ZERO, none.get("costUsd").decimalValue());
        service().get("/internal/v1/usage/spend").then().statusCode(400).body("errors[0].parameter", equalTo("accessKeyId"));
        admin().queryParam("accessKeyId", key).get("/internal/v1/usage/spend").then().statusCode(401);
    }

    @Test
    void shouldAnswerTheSpendOfKeysAndConfigurationsOverTheirPeriodsToTheNanoDollar() throws Throwable {
        String key = uniqueKey();
        String other = uniqueKey();
        String configuration = "cfg_" + RandomIds.base32(16);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<UsageEvent> events = List.of(
                stored(key, configuration, "0.000000001", day.minusSeconds(1)),
                stored(key, configuration, "0.123456789012", day),
                stored(key, configuration, "0.000000500", day.plusSeconds(60)),
                stored(other, configuration, "2", day.plusSeconds(120)));
        VertxContextSupport.subscribeAndAwait(() -> consumer.store(events));

        String body = "{\"queries\":[{\"scope\":\"key\",\"id\":\"" + key + "\",\"from\":\"" + day + "\",\"to\":\""
                + day.plus(1, ChronoUnit.DAYS) + "\"},{\"scope\":\"configuration\",\"id\":\"" + configuration
                + "\",\"from\":\"" + day + "\",\"to\":\"" + day.plus(1, ChronoUnit.DAYS) + "\"},{\"scope\":\"key\","
                + "\"id\":\"" + uniqueKey() + "\",\"from\":\"" + day + "\",\"to\":\"" + day.plus(1, ChronoUnit.DAYS) + "\"}]}";
        JsonNode spend = json(service().urlEncodingEnabled(false).contentType("application/json").body(body).post("/internal/v1/usage/spend:query")
                .then().statusCode(200).extract().asString()).get("spend");
        assertEquals(new BigDecimal("0.123457289012"), spend.get(0).get("costUsd").decimalValue());
        assertEquals(2, spend.get(0).get("attempts").asLong());
        assertEquals(new BigDecimal("2.123457289012"), spend.get(1).get("costUsd").decimalValue());
        assertEquals(BigDecimal.ZERO, spend.get(2).get("costUsd").decimalValue());
        service().urlEncodingEnabled(false).contentType("application/json").body("{\"queries\":[{\"scope\":\"team\",\"id\":\"x\","
                + "\"from\":\"" + day + "\",\"to\":\"" + day + "\"}]}").post("/internal/v1/usage/spend:query")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/queries/0"));
        admin().urlEncodingEnabled(false).contentType("application/json").body(body).post("/internal/v1/usage/spend:query").then().statusCode(401);
    }

    @Test
    void shouldSumTheOverviewByKeyConfigurationModelAndDayToTheEventsExactly() throws Throwable {
        String configuration = "cfg_" + RandomIds.base32(16);
        String a = uniqueKey();
        String b = uniqueKey();
        // a day of its own (the ledger outlives test runs): the overview has no filter but the range
        Instant day = Instant.parse("2001-01-01T00:00:00Z").plus(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(7000), ChronoUnit.DAYS);
        List<UsageEvent> events = List.of(stored(a, configuration, "0.000000001", day.plusSeconds(10)),
                stored(a, configuration, "0.333333333333", day.plusSeconds(20)),
                stored(b, configuration, "1.000000000001", day.plusSeconds(86_400 + 5)),
                stored(b, null, "0.1", day.plusSeconds(86_400 + 6)));
        VertxContextSupport.subscribeAndAwait(() -> consumer.store(events));
        BigDecimal all = new BigDecimal("1.433333334334");
        for (String groupBy : List.of("accessKey", "configuration", "model", "provider")) {
            JsonNode overview = json(admin().queryParam("from", day.toString()).queryParam("to", day.plusSeconds(2 * 86_400).toString())
                    .queryParam("groupBy", groupBy).get("/admin/v1/usage/overview").then().statusCode(200).extract().asString());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode bucket : overview.get("data")) {
                sum = sum.add(bucket.get("costUsd").decimalValue());
            }
            assertEquals(0, all.compareTo(sum), groupBy);
            assertEquals(0, all.compareTo(overview.get("totals").get("costUsd").decimalValue()), groupBy);
        }
        JsonNode byConfiguration = json(admin().queryParam("from", day.toString())
                .queryParam("to", day.plusSeconds(2 * 86_400).toString()).queryParam("groupBy", "configuration")
                .get("/admin/v1/usage/overview").then().statusCode(200).extract().asString()).get("data");
        assertEquals(day.toString().substring(0, 10), byConfiguration.get(0).get("day").asText());
        assertEquals(configuration, byConfiguration.get(0).get("key").asText());
        assertEquals(new BigDecimal("0.333333334333"), byConfiguration.get(0).get("costUsd").decimalValue());
    }

    @Test
    void shouldExportARangesEventsAsCsv() throws Throwable {
        String key = uniqueKey();
        Instant at = Instant.parse("2020-04-01T10:00:00Z");
        UsageEvent formula = new UsageEvent(UUID.randomUUID(), uniqueRequest(), key, null, "openrouter", "=cmd|a,b\"c",
                null, "openai/chat-completions", 1, true, 200, "success", true, new UsageTokens(12, 34, 5, 6, 7, 8, false),
                new BigDecimal("0.000123456789"), "provider", 210L, 95L, at, null, null, null, null);
        VertxContextSupport.subscribeAndAwait(() -> consumer.store(List.of(formula, stored(key, null, "1", at.plusSeconds(1)))));
        String csv = admin().queryParam("from", at.toString()).queryParam("to", at.plusSeconds(60).toString())
                .queryParam("accessKeyId", key).get("/admin/v1/usage/events.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("usage-events.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertEquals(true, lines[0].startsWith("eventId,requestId,occurredAt,accessKeyId"));
        assertEquals(true, lines[2].contains(",\"'=cmd|a,b\"\"c\","));
        assertEquals(true, lines[2].endsWith(",12,34,5,6,7,8,false,0.000123456789,provider,210,95"));
    }

    private static UsageEvent stored(String key, String configuration, String cost, Instant at) {
        return new UsageEvent(UUID.randomUUID(), uniqueRequest(), key, configuration, "openai", "gpt-4o", null,
                "openai/chat-completions", 1, true, 200, "success", false,
                new UsageTokens(10, 5, 2, 1, 0, 0, false), new BigDecimal(cost), "catalog", 100L, null, at, null, null, null,
                null);
    }

    @Test
    void shouldRejectBadUsageQueriesWithTheParameterNamed() {
        admin().queryParam("groupBy", "colour").get("/admin/v1/usage/overview").then().statusCode(400)
                .body("errors[0].parameter", equalTo("groupBy"));
        admin().queryParam("from", "yesterday").get("/admin/v1/usage/events").then().statusCode(400)
                .body("errors[0].parameter", equalTo("from"));
        admin().queryParam("from", "2022-01-02T00:00:00Z").queryParam("to", "2022-01-01T00:00:00Z")
                .get("/admin/v1/usage/overview").then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        admin().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2022-01-01T00:00:00Z")
                .get("/admin/v1/usage/overview").then().statusCode(400);
        admin().queryParam("limit", "0").get("/admin/v1/usage/events").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        admin().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/admin/v1/usage/events").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        io.restassured.RestAssured.given().get("/admin/v1/usage/events").then().statusCode(401);
    }

    @Test
    void shouldSkipRecordsThatAreNotUsageEventsAndKeepConsuming() {
        String key = uniqueKey();
        publish(key, "not json at all");
        publish(key, "{\"requestId\":\"req_without_event_id\"}");
        publish(key, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"requestId\":\"" + uniqueRequest()
                + "\",\"attempt\":\"first\",\"occurredAt\":\"" + Instant.now() + "\"}");
        String after = uniqueRequest();
        publish(key, event(UUID.randomUUID().toString(), after, key, "openai", "gpt-4o", 1, true, 200, 1, 1, "0",
                Instant.now()));
        awaitStored("select count(*) from usage_event where request_id = ?", after, 1);
        assertEquals(1, TestCatalog.queryLong("select count(*) from usage_event where access_key_id = ?", key));
    }
}
