package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15 over the running suite with two gateway replicas: 100 concurrent requests against a budget of 0.01 USD,
 * spread over both replicas, never settle more than the budget, and each refusal comes only when what the budget had
 * left could not hold that request's worst case. Then Redis loses the budget counters, and a key over its budget is
 * still refused, its counter rebuilt from key-service's ledger.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetAcrossReplicasIT {

    /** 100 USD per million tokens in and out: each answer (1 + 8 tokens) costs 0.0009 USD, its worst case ~0.003. */
    static final BigDecimal COST_PER_ANSWER = new BigDecimal("0.0009");
    static final BigDecimal BUDGET = new BigDecimal("0.01");
    static final Pattern REFUSAL = Pattern.compile("could cost up to ([0-9.]+) USD, and .* has ([0-9.]+) USD left");

    private final RunningSuite suite = new RunningSuite();
    private final SuiteAdmin admin = new SuiteAdmin(suite);
    private final String model = "budget-" + Long.toString(System.nanoTime(), 36);
    private String sharedConfiguration;
    private String dailyConfiguration;
    private final List<SuiteAdmin.AccessKey> keys = new ArrayList<>();

    @BeforeAll
    void createPricedModelConfigurationsAndKeys() {
        ObjectNode m = RunningSuite.JSON.createObjectNode().put("providerId", "simulator").put("modelId", model)
                .put("maxOutputTokens", 4096);
        m.putObject("pricing").put("inputPerMTok", 100).put("outputPerMTok", 100);
        HttpResponse<String> created = suite.admin("POST", suite.catalogUrl + "/admin/v1/models", m.toString());
        assertEquals(201, created.statusCode(), created.body());
        sharedConfiguration = configuration("e2e shared budget", "{\"configurationBudgetUsd\":{\"daily\":0.01}}");
        dailyConfiguration = configuration("e2e key budget", "{\"dailyBudgetUsd\":0.01}");
        keys.add(admin.createAccessKey("e2e shared a", sharedConfiguration));
        keys.add(admin.createAccessKey("e2e shared b", sharedConfiguration));
        keys.add(admin.createAccessKey("e2e daily", dailyConfiguration));
        // Both replicas serve the new model, priced, to the new keys before the load starts. A replica that has the
        // key before the model sees an unlisted name at a pass-through provider, with no price: 402 model_not_priced.
        for (String gateway : suite.gatewayUrls()) {
            for (SuiteAdmin.AccessKey key : keys) {
                Eventually.within(Duration.ofSeconds(20), "model " + model + " priced on " + gateway,
                        () -> suite.gatewayPost(gateway, "/v1/chat/completions", key.token(), body(1)),
                        r -> r.statusCode() == 200
                                || r.statusCode() == 402 && "budget_exceeded".equals(Replicas.errorCode(r)));
            }
        }
    }

    @AfterAll
    void cleanUp() {
        keys.forEach(admin::delete);
        admin.deleteConfiguration(sharedConfiguration);
        admin.deleteConfiguration(dailyConfiguration);
        suite.admin("DELETE", suite.catalogUrl + "/admin/v1/models/simulator/" + model, null);
    }

    @Test
    @Order(1)
    void shouldHoldAConfigurationBudgetSharedByTwoKeysAcrossBothReplicas() throws Exception {
        int served = hundredConcurrentRequests(List.of(keys.get(0).token(), keys.get(1).token()));
        assertSettledWithinBudget("configuration", sharedConfiguration, served);
    }

    @Test
    @Order(2)
    void shouldHoldAPerKeyDailyBudgetAcrossBothReplicas() throws Exception {
        int served = hundredConcurrentRequests(List.of(keys.get(2).token()));
        assertSettledWithinBudget("key", keys.get(2).id(), served);
    }

    @Test
    @Order(3)
    void shouldStillRefuseAKeyOverItsBudgetAfterRedisLostItsCounters() throws Exception {
        // the burst may have left room for one more worst case: spend it, one request at a time, until refused
        String first = suite.gatewayUrls().get(0);
        HttpResponse<String> refusal = Eventually.within(Duration.ofSeconds(30), "a refusal of the daily key",
                () -> suite.gatewayPost(first, "/v1/chat/completions", keys.get(2).token(), body(0)),
                r -> r.statusCode() == 402);
        Matcher m = REFUSAL.matcher(RunningSuite.json(refusal).path("error").path("message").asText());
        assertTrue(m.find(), refusal.body());
        BigDecimal worstCase = new BigDecimal(m.group(1));
        // the ledger holds every settled attempt, so what it says is spent leaves less than that worst case
        Eventually.within(Duration.ofSeconds(30), "ledger of " + keys.get(2).id() + " over budget - worst case",
                () -> spendToday("key", keys.get(2).id()),
                s -> BUDGET.subtract(s.path("costUsd").decimalValue()).compareTo(worstCase) < 0);
        Process wipe = new ProcessBuilder("bash", "-c",
                "redis-cli --scan --pattern 'aigw:budget*' | xargs -r redis-cli del").redirectErrorStream(true).start();
        assertEquals(0, wipe.waitFor());
        for (String gateway : suite.gatewayUrls()) {
            HttpResponse<String> answer = suite.gatewayPost(gateway, "/v1/chat/completions", keys.get(2).token(), body(1));
            assertEquals(402, answer.statusCode(), answer.body());
            assertEquals("budget_exceeded", Replicas.errorCode(answer));
        }
    }

    /** Fires 100 requests at once, alternating replicas and keys; answers how many were served. */
    private int hundredConcurrentRequests(List<String> tokens) throws Exception {
        List<String> gateways = suite.gatewayUrls();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String gateway = gateways.get(i % gateways.size());
            String token = tokens.get(i % tokens.size());
            int n = i;
            answers.add(CompletableFuture.supplyAsync(
                    () -> suite.gatewayPost(gateway, "/v1/chat/completions", token, body(n)), pool));
        }
        int served = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> future : answers) {
            HttpResponse<String> answer = future.get();
            if (answer.statusCode() == 200) {
                served++;
                continue;
            }
            assertEquals(402, answer.statusCode(), answer.body());
            assertEquals("budget_exceeded", Replicas.errorCode(answer));
            Matcher m = REFUSAL.matcher(RunningSuite.json(answer).path("error").path("message").asText());
            assertTrue(m.find(), answer.body());
            // refused only when what was left (settled and reserved counted) could not hold this worst case
            assertTrue(new BigDecimal(m.group(2)).compareTo(new BigDecimal(m.group(1))) < 0, answer.body());
            refused++;
        }
        pool.shutdown();
        System.out.printf("[budget] %d served, %d refused (budget %s USD, %s USD per answer)%n", served, refused,
                BUDGET, COST_PER_ANSWER);
        assertTrue(served > 0 && refused > 0, served + " served, " + refused + " refused");
        return served;
    }

    /** The ledger, once it holds every attempt served, sums them to at most the budget. */
    private void assertSettledWithinBudget(String scope, String id, int served) {
        // the first request of each key on each replica (in the set-up) may have been served too
        JsonNode spend = Eventually.within(Duration.ofSeconds(30), "ledger of " + id, () -> spendToday(scope, id),
                s -> s.path("attempts").asLong() >= served);
        BigDecimal settled = spend.path("costUsd").decimalValue();
        System.out.printf("[budget] %s %s: %d attempts settled %s USD of %s USD%n", scope, id,
                spend.path("attempts").asLong(), settled.toPlainString(), BUDGET);
        assertTrue(settled.compareTo(BUDGET) <= 0, "settled " + settled + " > budget " + BUDGET);
        assertEquals(0, settled.compareTo(COST_PER_ANSWER.multiply(BigDecimal.valueOf(spend.path("attempts").asLong()))));
    }

    /** key-service's ledger: today's attempts and cost of one key or configuration. */
    private JsonNode spendToday(String scope, String id) {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String query = "{\"queries\":[{\"scope\":\"" + scope + "\",\"id\":\"" + id + "\",\"from\":\"" + day
                + "\",\"to\":\"" + day.plus(1, ChronoUnit.DAYS) + "\"}]}";
        return suite.internalPost(suite.keysUrl + "/internal/v1/usage/spend:query", query).path("spend").path(0);
    }

    private String body(int n) {
        return "{\"model\":\"simulator:" + model + "\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private String configuration(String name, String limits) {
        String body = "{\"name\":\"" + name + " " + model + "\",\"access\":{\"models\":{\"allow\":[\"simulator:" + model
                + "\"]}},\"limits\":" + limits + "}";
        HttpResponse<String> created = suite.admin("POST", suite.configUrl + "/admin/v1/configurations", body);
        assertEquals(201, created.statusCode(), created.body());
        try {
            return RunningSuite.JSON.readTree(created.body()).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
