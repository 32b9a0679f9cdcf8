package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry budget at the proxy: gateway settings allow no retry at all (ratio 0, no floor). */
@QuarkusTest
@TestProfile(RetryBudgetProxyTest.Profile.class)
class RetryBudgetProxyTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GatewayTestResource.class, Map.of("retryBudget", "0,0")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    @Test
    void shouldStopAfterTheFirstAttemptInsteadOfFailingOverWhenTheRetryBudgetIsSpent() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            // the openai rule tries pk_openaibad (rejected upstream) first, then pk_openai2: no budget for the second
            String requestId = given().auth().oauth2(TestKeys.ROUTED).contentType(ContentType.JSON)
                    .body("{\"model\":\"openai:gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions").then()
                    .statusCode(502).body("error.code", equalTo("upstream_auth_failed"))
                    .header(GatewayHeaders.ATTEMPTS, "1")
                    .header(GatewayHeaders.SKIPPED, containsString("retry budget is spent"))
                    .extract().header(GatewayHeaders.REQUEST_ID);
            assertThat("the second key was not called", SimulatorClient.received().size(), equalTo(1));
            Management.given().get("/q/metrics").then().body(containsString("aigw_retry_budget_exhausted_total"));

            List<JsonNode> attempts = usage.eventsOf(requestId, 1);
            assertThat(attempts.size(), equalTo(1));
            assertThat(attempts.get(0).path("final").asBoolean(), equalTo(true));
            JsonNode skipped = attempts.get(0).path("skipped").get(0);
            assertThat("the attempt not made is on the last attempt's trace", skipped.path("reason").asText(),
                    equalTo("retry_budget"));
            assertThat(skipped.path("model").asText(), equalTo("openai:gpt-4o"));
            assertThat(skipped.path("providerKeyId").asText(), equalTo("pk_openai2"));
            assertThat(skipped.path("detail").asText(), containsString("1 planned attempt not made"));
        }
    }
}
