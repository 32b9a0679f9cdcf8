package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestDocuments;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.SimulatorClient.Recorded;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every row of SPEC §1.4, against the provider simulator (gateway settings: 1.5 s per attempt, 4 s total). */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class FailoverTest {

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static ValidatableResponse chat(String key, String model, String... fallbacks) {
        StringBuilder models = new StringBuilder();
        for (String f : fallbacks) {
            models.append(models.length() == 0 ? "" : ",").append('"').append(f).append('"');
        }
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"models\":[" + models + "],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then();
    }

    private List<String> keysSent() {
        return SimulatorClient.received().stream().map(r -> r.header("authorization")).toList();
    }

    private static String scenario() {
        return "scenario=" + UUID.randomUUID();
    }

    @Test
    void shouldTryTheNextKeyWhenTheProviderAnswers401() {
        chat(TestKeys.ALLOW_ALL, "openai:m@fail-key=sim-key-1:401")
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "2").header(GatewayHeaders.MODEL, "openai:m@fail-key=sim-key-1:401");
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-1", "Bearer sim-key-2")));
    }

    @Test
    void shouldTryTheNextKeyWhenTheProviderAnswers403() {
        chat(TestKeys.ALLOW_ALL, "openai:m@fail-key=sim-key-1:403").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
    }

    @Test
    void shouldMoveToTheNextModelOnceEveryKeyWasRejected() {
        chat(TestKeys.ALLOW_ALL, "openai:m@status=401", "backup:gpt-4o-mini")
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "4").header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
    }

    @Test
    void shouldAnswerUpstreamAuthFailedWithoutEchoingAnyKeyWhenEveryKeyWasRejected() {
        String body = chat(TestKeys.ALL_BAD, "openai:gpt-4o")
                .statusCode(502).body("error.code", equalTo("upstream_auth_failed"))
                .header(GatewayHeaders.ATTEMPTS, "1").extract().asString();
        assertThat(body, not(containsString("sk-bad")));
        assertThat(body, not(containsString("SECRET")));
        assertThat(SimulatorClient.received().get(0).header("authorization"),
                equalTo("Bearer " + TestDocuments.BAD_KEY_VALUE));
    }

    @Test
    void shouldFollowAProviderRuleKeysInOrder() {
        chat(TestKeys.ROUTED, "openai:gpt-4o").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
        assertThat(keysSent(), equalTo(List.of("Bearer " + TestDocuments.BAD_KEY_VALUE, "Bearer sim-key-2")));
    }

    @Test
    void shouldLetAModelRuleWinOverTheProviderRule() {
        chat(TestKeys.ROUTED, "openai:o1-mini").statusCode(200).header(GatewayHeaders.ATTEMPTS, "1");
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-1")));
    }

    @Test
    void shouldRunAFallbackStepOfARule() {
        chat(TestKeys.ROUTED, "openai:broken@status=503")
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "2").header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-2", "Bearer sim-key-2")));
    }

    @Test
    void shouldTryTheNextKeyOn429() {
        chat(TestKeys.ALLOW_ALL, "openai:m@fail-key=sim-key-1:429").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-1", "Bearer sim-key-2")));
    }

    @Test
    void shouldRetryTheSameBackendAfterAShortRetryAfter() {
        long started = System.currentTimeMillis();
        chat(TestKeys.ALLOW_ALL, "openai:m@status-seq=429,200,retry-after=1," + scenario())
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
        assertThat(System.currentTimeMillis() - started, greaterThanOrEqualTo(1000L));
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-1", "Bearer sim-key-1")));
    }

    @Test
    void shouldRetryTheSameBackendAtMostTwiceThenAnswerUpstreamRateLimited() {
        chat(TestKeys.ALLOW_ALL, "backup:m@status=429,retry-after=0")
                .statusCode(429)
                .body("error.code", equalTo("upstream_rate_limited"))
                .body("error.type", equalTo("rate_limit_error"))
                .header("Retry-After", "0")
                .header(GatewayHeaders.ATTEMPTS, "3");
        assertThat(keysSent(), equalTo(List.of("Bearer sim-key-2", "Bearer sim-key-2", "Bearer sim-key-2")));
    }

    @Test
    void shouldNotWaitForARetryAfterLongerThanFiveSeconds() {
        long started = System.currentTimeMillis();
        chat(TestKeys.ALLOW_ALL, "backup:m@status=429,retry-after=10", "openrouter:n@status=429,retry-after=10")
                .statusCode(429).header(GatewayHeaders.ATTEMPTS, "2").header("Retry-After", "10");
        assertThat(System.currentTimeMillis() - started, lessThan(3000L));
    }

    @Test
    void shouldCountARejectedKeyAmongRateLimitedOnesAsAPlainFailure() {
        chat(TestKeys.ALLOW_ALL, "openai:m@status=429")
                .statusCode(502).header(GatewayHeaders.ATTEMPTS, "3").body("error.code", equalTo("all_attempts_failed"));
    }

    @Test
    void shouldMoveToTheNextModelNotTheNextKeyOn5xx() {
        chat(TestKeys.ALLOW_ALL, "openai:m@status=503", "backup:gpt-4o-mini")
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "2").header(GatewayHeaders.PROVIDER, "backup");
    }

    @Test
    void shouldMoveToTheNextModelOn408() {
        chat(TestKeys.ALLOW_ALL, "openai:m@status=408", "backup:gpt-4o-mini").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
    }

    @Test
    void shouldMoveToTheNextModelWhenAnAttemptTimesOut() {
        chat(TestKeys.ALLOW_ALL, "openai:m@hang=1", "backup:gpt-4o-mini")
                .statusCode(200).header(GatewayHeaders.ATTEMPTS, "2").header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
    }

    @Test
    void shouldMoveToTheNextModelOnAConnectionError() {
        chat(TestKeys.ALLOW_ALL, "deadhost:m", "backup:gpt-4o-mini").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
        chat(TestKeys.ALLOW_ALL, "openai:m@reset=1", "backup:gpt-4o-mini").statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
    }

    @Test
    void shouldStopAndTranslateAnyOther4xx() {
        String body = chat(TestKeys.ALLOW_ALL, "openai:m@status=404", "backup:gpt-4o-mini")
                .statusCode(404).header(GatewayHeaders.ATTEMPTS, "1")
                .body("error.code", equalTo("not_found"))
                .body("error.type", equalTo("not_found_error"))
                .body("error.message", containsString("does not exist")).extract().asString();
        assertThat(body, not(containsString("\"model_not_found\"")));
        List<Recorded> received = SimulatorClient.received();
        assertThat(received.size(), equalTo(1));
        chat(TestKeys.ALLOW_ALL, "openai:m@status=400").statusCode(400).body("error.code", equalTo("invalid_request"));
    }

    @Test
    void shouldAnswerAllAttemptsFailedNamingTheLastUpstreamError() {
        chat(TestKeys.ALLOW_ALL, "openai:m@status=500", "backup:n@status=502")
                .statusCode(502).header(GatewayHeaders.ATTEMPTS, "2")
                .body("error.code", equalTo("all_attempts_failed"))
                .body("error.message", containsString("backup:n@status=502 answered HTTP 502"));
    }

    @Test
    void shouldAnswerUpstreamTimeoutWhenTheTotalTimeoutRunsOut() {
        long started = System.currentTimeMillis();
        chat(TestKeys.ALLOW_ALL, "openai:a@hang=1", "openai:b@hang=1", "openai:c@hang=1", "openai:d@hang=1")
                .statusCode(504).body("error.code", equalTo("upstream_timeout"));
        long took = System.currentTimeMillis() - started;
        assertThat(took, greaterThanOrEqualTo(3900L));
        assertThat(took, lessThan(5500L));
    }

    @Test
    void shouldAnswerUpstreamTimeoutWhenEveryAttemptTimedOut() {
        chat(TestKeys.ALLOW_ALL, "openai:a@hang=1").statusCode(504).header(GatewayHeaders.ATTEMPTS, "1")
                .body("error.code", equalTo("upstream_timeout"));
    }
}
