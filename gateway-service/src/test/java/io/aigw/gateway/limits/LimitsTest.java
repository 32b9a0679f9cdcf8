package io.aigw.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §2.4 against the real Redis at 127.0.0.1:6379: the counters live there, shared by every replica. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class LimitsTest {

    @Inject
    RedisDataSource redis;

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

    private static long await(LongSupplier value, long atLeast) {
        long until = System.currentTimeMillis() + 5_000;
        long v = value.getAsLong();
        while (v < atLeast && System.currentTimeMillis() < until) {
            sleep(20);
            v = value.getAsLong();
        }
        return v;
    }

    @Test
    void shouldRefuseRequestsOverThePerMinuteLimitCountedInRedisAcrossReplicas() {
        String key = RequestRateCounter.key("ak_rpmlimit01", minute());
        redis.key().del(key);
        chat(TestKeys.RPM_LIMITED).statusCode(200);
        chat(TestKeys.RPM_LIMITED).statusCode(200);
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
        given().get("/q/metrics").then().body(containsString("aigw_limit_refusals_total{limit=\"requests\"}"));
    }

    @Test
    void shouldAnswerTheAnthropicEnvelopeWhenMessagesAreRateLimited() {
        String key = RequestRateCounter.key("ak_rpmlimit01", minute());
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
        String key = TokenRateCounter.key("ak_tpmlimit01", minute());
        redis.key().del(key);
        chat(TestKeys.TPM_LIMITED).statusCode(200);
        // input 1 + output 8 tokens, as reported by the provider, added after the answer
        assertThat(await(() -> counter(key), 9), equalTo(9L));
        assertThat(redis.key().pttl(key), greaterThan(0L));
        chat(TestKeys.TPM_LIMITED).statusCode(429).body("error.code", equalTo("rate_limited"))
                .body("error.message", containsString("tokens per minute (5)"));
    }

    @Test
    void shouldRefuseWith402WhenTheMonthlyBudgetIsSpent() {
        String key = MonthlySpendCounter.key("ak_budget0001", YearMonth.now(java.time.ZoneOffset.UTC));
        redis.key().del(key);
        chat(TestKeys.BUDGET_LIMITED).statusCode(200);
        // 1 input × 2.5 + 8 output × 10 USD per million tokens = 0.0000825 USD = 82 500 nano-USD
        assertThat(await(() -> counter(key), 1), equalTo(82_500L));
        assertThat(redis.key().pttl(key), greaterThan(0L));
        double refusedBefore = Metrics.value("aigw_limit_refusals_total{limit=\"budget\"}");
        chat(TestKeys.BUDGET_LIMITED).statusCode(402)
                .body("error.code", equalTo("budget_exceeded"))
                .body("error.message", containsString("0.00001 USD"));
        assertThat(Metrics.value("aigw_limit_refusals_total{limit=\"budget\"}"), equalTo(refusedBefore + 1));
    }

    @Test
    void shouldCountSpendForKeysWithoutABudgetAndLeaveUnlimitedKeysUnrefused() {
        String key = MonthlySpendCounter.key("ak_allowall01", YearMonth.now(java.time.ZoneOffset.UTC));
        sleep(2 * SpendBatcher.FLUSH_INTERVAL_MS); // earlier tests' spend of this key has reached Redis
        long before = counter(key);
        chat(TestKeys.ALLOW_ALL).statusCode(200);
        assertThat(await(() -> counter(key), before + 1) - before, equalTo(82_500L));
        assertThat(redis.key().exists(RequestRateCounter.key("ak_allowall01", minute())), equalTo(false));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
