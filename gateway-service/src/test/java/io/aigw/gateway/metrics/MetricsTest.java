package io.aigw.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.Metrics;
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

        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("aigw_requests_total{model=\"backup:gpt-4o-mini\",provider=\"backup\",status=\"200\","
                        + "surface=\"openai/chat-completions\"}"))
                .body(containsString("aigw_upstream_attempts_total{model=\"openai:metrics@status=500\",provider=\"openai\","
                        + "status=\"500\"}"))
                .body(containsString("aigw_failovers_total{reason=\"server_error\"}"))
                .body(containsString("aigw_upstream_latency_seconds_count{model=\"backup:gpt-4o-mini\",provider=\"backup\"}"));
    }

    @Test
    void shouldCountTokensAndCostByKeyAndModelAndTimeStreamsAndWhatTheGatewayAdded() throws InterruptedException {
        GatewayReady.await();
        String added = "aigw_added_latency_seconds_count{surface=\"openai/chat-completions\"}";
        double addedBefore = Metrics.value(added);
        String output = "aigw_tokens_total{key=\"ak_allowall01\",kind=\"output\",model=\"openai:gpt-4o\"}";
        String cost = "aigw_cost_usd_total{key=\"ak_allowall01\",model=\"openai:gpt-4o\"}";
        double outputBefore = Metrics.value(output);
        double costBefore = Metrics.value(cost);

        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);

        // the simulator reports 8 output tokens per answer; 1 input + 8 output tokens at 2.5 / 10 USD per million
        Metrics.awaitAtLeast(output, outputBefore + 16);
        assertThat(Metrics.value(output), equalTo(outputBefore + 16));
        assertThat(Metrics.value(cost) - costBefore, closeTo(2 * 0.0000825, 1e-9));
        Management.given().when().get("/q/metrics").then()
                .body(containsString("aigw_time_to_first_token_seconds_count{model=\"openai:gpt-4o\",provider=\"openai\"}"));
        // one added-latency sample per request answered by its first attempt: the answer and the stream
        assertThat(Metrics.value(added), equalTo(addedBefore + 2));
    }

    @Test
    void shouldExportTheGenAiTokenDurationAndStreamTimingMetrics() throws InterruptedException {
        GatewayReady.await();
        String labels = "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"";
        String output = "gen_ai_client_token_usage_sum{" + labels + ",gen_ai_token_type=\"output\"}";
        String streams = "gen_ai_server_time_to_first_token_seconds_count{" + labels + "}";
        double outputBefore = Metrics.value(output);
        double streamsBefore = Metrics.value(streams);

        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:genai@status=500\",\"models\":[\"gpt-4o\"],\"messages\":[]}")
                .when().post("/v1/chat/completions").then().statusCode(200);

        // the simulator reports 8 output tokens per answer
        Metrics.awaitAtLeast(output, outputBefore + 16);
        assertThat(Metrics.value(streams), equalTo(streamsBefore + 1));
        Management.given().when().get("/q/metrics").then()
                .body(containsString("gen_ai_client_token_usage_bucket{" + labels + ",gen_ai_token_type=\"output\",le=\"16.0\"}"))
                .body(containsString("gen_ai_client_operation_duration_seconds_count{error_type=\"\"," + labels + "}"))
                .body(containsString("gen_ai_client_operation_duration_seconds_count{error_type=\"500\","
                        + "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"genai@status=500\"}"))
                .body(containsString("gen_ai_server_time_per_output_token_seconds_count{" + labels + "}"));
    }
}
