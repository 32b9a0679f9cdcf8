package io.aigw.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §2.4 against the real Redis at 127.0.0.1:6379: the counters live there, shared by every replica. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class LimitsTest {

    /** Output bounded by `max_tokens`: the simulator answers 8 tokens, for 1 input × 2.5 + 8 × 10 = 82,500 nano-USD. */
    static final String BOUNDED = "{\"model\":\"gpt-4o\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final long BOUNDED_COST_NANOS = 82_500;
    static final long BUDGET_NANOS = 300_000;

    @Inject
    RedisDataSource redis;
    @Inject
    BudgetReconciler reconciler;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        // a fixed window: keep each test inside one minute
        long second = (System.currentTimeMillis() / 1000) % 60;
        if (second > 50) {
            sleep((61 - second) * 1000);
        }
    }

    private static ValidatableResponse chat(String key, String path, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static ValidatableResponse chat(String key) {
        return chat(key, "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    private long counter(String key) {
        String value = redis.value(String.class).get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static long minute() {
        return System.currentTimeMillis() / 60_000;
    }

    private static String today() {
        return BudgetWindow.DAILY.period(Instant.now()).id();
    }

    /** Forgets every budget counter and reservation of {@code owner} (`key:ak_…`) and sets its ledger spend. */
    private void reset(String owner, String ledgerUsd) {
        redis.key().keys("aigw:budget*:" + owner + ":*").forEach(k -> redis.key().del(k));
        ControlPlaneClient.setLedgerSpend(owner, ledgerUsd);
    }

    private static long await(LongSupplier value, long atLeast) {
        long until = System.currentTimeMillis() + 5_000;
        long v = value.getAsLong();
        while (v < atLeast && System.currentTimeMillis() < until) {
            sleep(20);
            v = value.getAsLong();
        }
        return v;
    }

    /** Sends bounded requests until one is refused; answers how many were served. */
    private static int spendUntilRefused(String key) {
        for (int served = 0; served < 20; served++) {
            var response = given().auth().oauth2(key).contentType(ContentType.JSON).body(BOUNDED)
                    .post("/v1/chat/completions");
            if (response.statusCode() == 402) {
                BigDecimal worst = new BigDecimal(response.jsonPath().getString("error.message")
                        .replaceAll(".*could cost up to ([0-9.]+) USD.*", "$1"));
                BigDecimal left = new BigDecimal(response.jsonPath().getString("error.message")
                        .replaceAll(".* has ([0-9.]+) USD left.*", "$1"));
                // refused only when the worst case no longer fits what is left
                assertThat(left, lessThan(worst));
                assertThat(response.jsonPath().getString("error.code"), equalTo("budget_exceeded"));
                return served;
            }
            assertThat(response.statusCode(), equalTo(200));
        }
        throw new AssertionError("never refused");
    }

    @Test
    void shouldRefuseRequestsOverThePerMinuteLimitCountedInRedisAcrossReplicas() {
        String key = "aigw:rpm:ak_rpmlimit01:" + minute();
        redis.key().del(key);
        chat(TestKeys.RPM_LIMITED).statusCode(200).header("x-ratelimit-limit-requests", "3")
                .header("x-ratelimit-remaining-requests", "2").header("x-ratelimit-reset-requests", notNullValue());
        chat(TestKeys.RPM_LIMITED).statusCode(200).header("x-ratelimit-remaining-requests", "1");
        assertThat(counter(key), equalTo(2L));
        assertThat(redis.key().pttl(key), greaterThan(0L));

        // another replica sharing this Redis counts one more request of the same key
        redis.value(Long.class).incr(key);

        String retryAfter = chat(TestKeys.RPM_LIMITED).statusCode(429)
                .body("error.code", equalTo("rate_limited"))
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.message", containsString("requests per minute (3)"))
                .header("Retry-After", notNullValue())
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter), greaterThanOrEqualTo(1L));
        assertThat(Long.parseLong(retryAfter), lessThanOrEqualTo(60L));
        assertThat(counter(key), equalTo(4L));
        Management.given().get("/q/metrics").then().body(containsString("aigw_limit_refusals_total{limit=\"requests\"}"));
    }

    @Test
    void shouldAnswerTheAnthropicEnvelopeWhenMessagesAreRateLimited() {
        String key = "aigw:rpm:ak_rpmlimit01:" + minute();
        redis.value(Long.class).set(key, 3L);
        redis.key().pexpire(key, 120_000);
        given().header("x-api-key", TestKeys.RPM_LIMITED).contentType(ContentType.JSON)
                .body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/messages")
                .then().statusCode(429).body("type", equalTo("error")).body("error.type", equalTo("rate_limit_error"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void shouldRefuseOnceTheMinutesTokensReachTheLimit() {
        String key = "aigw:tpm:ak_tpmlimit01:" + minute();
        redis.key().del(key);
        chat(TestKeys.TPM_LIMITED).statusCode(200).header("x-ratelimit-limit-tokens", "5")
                .header("x-ratelimit-remaining-tokens", "5");
        // input 1 + output 8 tokens, as reported by the provider, added after the answer
        assertThat(await(() -> counter(key), 9), equalTo(9L));
        assertThat(redis.key().pttl(key), greaterThan(0L));
        chat(TestKeys.TPM_LIMITED).statusCode(429).body("error.code", equalTo("rate_limited"))
                .body("error.message", containsString("tokens per minute (5)"));
    }

    @Test
    void shouldKeepSettledSpendUnderAMonthlyBudgetAndRefuseOnlyWhenTheWorstCaseNoLongerFits() {
        reset("key:ak_budget0001", "0");
        String spend = "aigw:budget:key:ak_budget0001:" + BudgetWindow.MONTHLY.period(Instant.now()).id();
        double refusedBefore = Metrics.value("aigw_limit_refusals_total{limit=\"budget\"}");
        chat(TestKeys.BUDGET_LIMITED, "/v1/chat/completions", BOUNDED).statusCode(200)
                .header("x-aigw-budget-remaining-usd", "0.0003");
        int served = 1 + spendUntilRefused(TestKeys.BUDGET_LIMITED);
        long settled = await(() -> counter(spend), served * BOUNDED_COST_NANOS);
        assertThat(settled, equalTo(served * BOUNDED_COST_NANOS));
        assertThat(settled, lessThanOrEqualTo(BUDGET_NANOS));
        assertThat(served, greaterThanOrEqualTo(2));
        // every reservation was settled: nothing is held any more
        assertThat(redis.sortedSet(String.class).zcard(spend.replace("aigw:budget:", "aigw:budget-held:")), equalTo(0L));
        assertThat(Metrics.value("aigw_limit_refusals_total{limit=\"budget\"}"), equalTo(refusedBefore + 1));
    }

    @Test
    void shouldRefuseARequestWhoseWorstCaseCannotFitTheBudgetBeforeAnyAttempt() {
        reset("key:ak_budget0001", "0");
        // no max_tokens: the model's 16,384 output tokens × 10 USD per million = 0.16 USD > 0.0003 USD
        chat(TestKeys.BUDGET_LIMITED).statusCode(402).body("error.code", equalTo("budget_exceeded"))
                .body("error.type", equalTo("insufficient_quota"))
                .body("error.message", containsString("monthly budget of 0.0003 USD of this access key"));
    }

    @Test
    void shouldRefuseAModelWithoutAnyPriceUnderABudgetUnlessTheConfigurationAllowsIt() {
        reset("key:ak_budget0001", "0");
        chat(TestKeys.BUDGET_LIMITED, "/v1/chat/completions",
                "{\"model\":\"openai:not-in-the-catalog\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(402).body("error.code", equalTo("model_not_priced"))
                .body("error.message", containsString("openai:not-in-the-catalog"));
        reset("key:ak_unpriced01", "0");
        chat(TestKeys.UNPRICED_OK, "/v1/chat/completions",
                "{\"model\":\"openai:not-in-the-catalog\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(200).header("x-aigw-budget-remaining-usd", "1");
    }

    @Test
    void shouldHoldADailyBudgetPerKey() {
        reset("key:ak_daily00001", "0");
        int served = spendUntilRefused(TestKeys.DAILY_BUDGET);
        String spend = "aigw:budget:key:ak_daily00001:" + today();
        assertThat(await(() -> counter(spend), served * BOUNDED_COST_NANOS), equalTo(served * BOUNDED_COST_NANOS));
        assertThat(counter(spend), lessThanOrEqualTo(BUDGET_NANOS));
        assertThat(redis.key().pttl(spend), greaterThan(86_400_000L - 1));
    }

    @Test
    void shouldShareAConfigurationsBudgetBetweenItsKeys() {
        reset("configuration:cfg_shared0000000001", "0");
        int servedA = spendUntilRefused(TestKeys.SHARED_A);
        assertThat(servedA, greaterThanOrEqualTo(1));
        // the other key of the configuration finds the shared budget spent
        chat(TestKeys.SHARED_B, "/v1/chat/completions", BOUNDED).statusCode(402)
                .body("error.message", containsString("weekly budget of 0.0003 USD of this access key's configuration"));
    }

    @Test
    void shouldRebuildADeletedCounterFromTheLedgerBeforeTheNextCheck() {
        reset("key:ak_daily00001", "0");
        chat(TestKeys.DAILY_BUDGET, "/v1/chat/completions", BOUNDED).statusCode(200);
        // Redis loses the key's counters while the ledger knows the day's budget is spent
        ControlPlaneClient.setLedgerSpend("key:ak_daily00001", "0.0003");
        redis.key().keys("aigw:budget*:key:ak_daily00001:*").forEach(k -> redis.key().del(k));
        double rebuilt = Metrics.value("aigw_budget_rebuilds_total{outcome=\"ok\"}");
        chat(TestKeys.DAILY_BUDGET, "/v1/chat/completions", BOUNDED).statusCode(402)
                .body("error.code", equalTo("budget_exceeded"));
        assertThat(counter("aigw:budget:key:ak_daily00001:" + today()), equalTo(BUDGET_NANOS));
        assertThat(Metrics.value("aigw_budget_rebuilds_total{outcome=\"ok\"}"), greaterThan(rebuilt));
    }

    @Test
    void shouldApplyTheFailModeAndCountItWhenTheLedgerCannotRebuildACounter() {
        reset("key:ak_daily00001", "0");
        double unchecked = Metrics.value("aigw_limit_unchecked_total{fail_mode=\"open\"}");
        double failed = Metrics.value("aigw_budget_rebuilds_total{outcome=\"failed\"}");
        ControlPlaneClient.setLedgerDown(true);
        try {
            chat(TestKeys.DAILY_BUDGET, "/v1/chat/completions", BOUNDED).statusCode(200);
        } finally {
            ControlPlaneClient.setLedgerDown(false);
        }
        assertThat(Metrics.value("aigw_limit_unchecked_total{fail_mode=\"open\"}"), equalTo(unchecked + 1));
        assertThat(Metrics.value("aigw_budget_rebuilds_total{outcome=\"failed\"}"), greaterThan(failed));
        assertThat(redis.key().exists("aigw:budget:key:ak_daily00001:" + today()), equalTo(false));
    }

    @Test
    void shouldRaiseACounterBelowTheLedgerWhenReconciling() {
        reset("key:ak_daily00001", "0");
        chat(TestKeys.DAILY_BUDGET, "/v1/chat/completions", BOUNDED).statusCode(200);
        String spend = "aigw:budget:key:ak_daily00001:" + today();
        await(() -> counter(spend), BOUNDED_COST_NANOS);
        ControlPlaneClient.setLedgerSpend("key:ak_daily00001", "0.0001");
        int corrected = reconciler.reconcile().await().indefinitely();
        assertThat(corrected, greaterThanOrEqualTo(1));
        assertThat(counter(spend), equalTo(100_000L));
        assertThat(Metrics.value("aigw_budget_drift_usd{direction=\"under\"}"), greaterThan(0.00001));
        // a counter ahead of the ledger (events still on their way) is never lowered
        ControlPlaneClient.setLedgerSpend("key:ak_daily00001", "0.00005");
        chat(TestKeys.DAILY_BUDGET, "/v1/chat/completions", BOUNDED).statusCode(200);
        await(() -> counter(spend), 100_000L + BOUNDED_COST_NANOS);
        reconciler.reconcile().await().indefinitely();
        assertThat(counter(spend), equalTo(100_000L + BOUNDED_COST_NANOS));
    }

    @Test
    void shouldWriteNothingToRedisForAKeyWithoutLimits() {
        chat(TestKeys.ALLOW_ALL).statusCode(200);
        assertThat(redis.key().exists("aigw:rpm:ak_allowall01:" + minute()), equalTo(false));
        assertThat(redis.key().keys("aigw:budget*:ak_allowall01:*").isEmpty(), equalTo(true));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
