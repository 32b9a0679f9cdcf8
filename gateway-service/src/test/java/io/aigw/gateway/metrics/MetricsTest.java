package io.aigw.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class MetricsTest {

    @Test
    void shouldCountRequestsAttemptsAndFailoversByProviderModelAndStatus() {
        GatewayReady.await();
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:metrics@status=500\",\"models\":[\"backup:gpt-4o-mini\"],\"messages\":[]}")
                .when().post("/v1/chat/completions").then().statusCode(200);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("aigw_requests_total{model=\"backup:gpt-4o-mini\",provider=\"backup\",status=\"200\","
                        + "surface=\"openai/chat-completions\"}"))
                .body(containsString("aigw_upstream_attempts_total{model=\"openai:metrics@status=500\",provider=\"openai\","
                        + "status=\"500\"}"))
                .body(containsString("aigw_failovers_total{reason=\"server_error\"}"))
                .body(containsString("aigw_upstream_latency_seconds_count{model=\"backup:gpt-4o-mini\",provider=\"backup\"}"));
    }
}
