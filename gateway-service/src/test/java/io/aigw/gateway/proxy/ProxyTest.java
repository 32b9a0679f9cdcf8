package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.SimulatorClient.Recorded;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ProxyTest {

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private Recorded onlyUpstreamRequest() {
        List<Recorded> received = SimulatorClient.received();
        assertThat(received.size(), equalTo(1));
        return received.get(0);
    }

    @Test
    void shouldForwardAChatCompletionWithTheProviderModelIdAndKeyAndTheRestOfTheBodyUntouched() {
        String body = "{\"model\":\"gpt-4o\",\"models\":[\"backup:gpt-4o-mini\"],\"temperature\":0.70,"
                + "\"metadata\":{\"x\":[1,2.50,\"\u00e9\"]},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, "openai:gpt-4o")
                .header(GatewayHeaders.PROVIDER, "openai")
                .header(GatewayHeaders.ATTEMPTS, "1")
                .contentType(startsWith("application/json"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("gpt-4o-2024-08-06"));

        Recorded upstream = onlyUpstreamRequest();
        assertThat(upstream.path(), equalTo("/v1/chat/completions"));
        assertThat(upstream.header("authorization"), equalTo("Bearer sim-key-1"));
        assertThat(upstream.body(), equalTo("{\"model\":\"gpt-4o-2024-08-06\",\"temperature\":0.70,"
                + "\"metadata\":{\"x\":[1,2.50,\"\u00e9\"]},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    }

    @Test
    void shouldPassTheUpstreamBodyThroughByteForByte() {
        Response response = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions");
        response.then().statusCode(200);
        String direct = given().auth().oauth2("sim-key-1").contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post(SimulatorClient.baseUrl() + "/v1/chat/completions").asString();
        assertThat(shape(response.asString()), equalTo(shape(direct)));
    }

    /** The body with its per-call values (id, created) blanked. */
    private static String shape(String body) {
        return body.replaceAll("\"id\":\"[^\"]*\"", "\"id\":\"\"").replaceAll("\"created\":\\d+", "\"created\":0");
    }

    @Test
    void shouldStripTheModelsUnsupportedParameters() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:o1-mini\",\"temperature\":1,\"top_p\":0.5,\"n\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200);
        JsonNode sent = onlyUpstreamRequest().json();
        assertThat(sent.has("temperature"), is(false));
        assertThat(sent.has("top_p"), is(false));
        assertThat(sent.get("n").asInt(), equalTo(1));
    }

    @Test
    void shouldNeverSendTheAccessKeyUpstream() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).header("x-api-key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        Recorded upstream = onlyUpstreamRequest();
        assertThat(upstream.headers().toString().contains(TestKeys.publicId(TestKeys.ALLOW_ALL)), is(false));
        assertThat(upstream.header("authorization"), equalTo("Bearer sim-key-1"));
    }

    @Test
    void shouldSendMessagesToAnAnthropicProviderWithItsHeaderScheme() {
        given().header("x-api-key", TestKeys.ALLOW_ALL).header("anthropic-version", "2023-06-01")
                .contentType(ContentType.JSON)
                .body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/messages")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .body("type", equalTo("message"));
        Recorded upstream = onlyUpstreamRequest();
        assertThat(upstream.path(), equalTo("/v1/messages"));
        assertThat(upstream.header("x-api-key"), equalTo("sim-key-1"));
        assertThat(upstream.header("authorization"), equalTo(null));
        assertThat(upstream.header("anthropic-version"), equalTo("2023-06-01"));
        assertThat(upstream.json().get("model").asText(), equalTo("claude-sonnet-4-5-20250929"));
    }

    @Test
    void shouldServeEmbeddingsCompletionsAndResponses() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}")
                .when().post("/v1/embeddings").then().statusCode(200).body("data[0].embedding", notNullValue());
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openrouter:openai/gpt-3.5-turbo-instruct\",\"prompt\":\"hello\"}")
                .when().post("/v1/completions").then().statusCode(200)
                .header(GatewayHeaders.PROVIDER, "openrouter");
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"input\":\"hello\"}")
                .when().post("/v1/responses").then().statusCode(200);
        assertThat(SimulatorClient.received("/api/v1/completions").size(), equalTo(1));
    }

    @Test
    void shouldAnswerUnsupportedSurfaceWhenTheProviderDoesNotServeItAndNoTranslationExists() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"anthropic:claude-sonnet-4-5\",\"input\":\"hello\"}")
                .when().post("/v1/embeddings")
                .then().statusCode(400).body("error.code", equalTo("unsupported_surface"));
        given().header("x-api-key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"text-embedding-3-small\",\"max_tokens\":5,\"messages\":[]}")
                .when().post("/v1/messages")
                .then().statusCode(400).body("type", equalTo("error"))
                .body("error.message", containsString("anthropic/messages"));
        assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldForwardTheProvidersRateLimitHeaders() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:gpt-4o-mini@ratelimit-headers=1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-ratelimit-limit-requests", "10000")
                .header("x-ratelimit-remaining-tokens", notNullValue());
    }

    @Test
    void shouldListModelsInAnthropicsShapeForTheAnthropicSdk() {
        given().header("x-api-key", TestKeys.SCOPED).header("anthropic-version", "2023-06-01")
                .when().get("/v1/models")
                .then().statusCode(200)
                .body("data[0].type", equalTo("model"))
                .body("data[0].id", equalTo("anthropic:claude-sonnet-4-5"))
                .body("has_more", equalTo(false));
    }

    @Test
    void shouldAnswerNoProviderKeyWhenTheProviderHasNone() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"nokeys:some-model\",\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(502).body("error.code", equalTo("no_provider_key"));
    }
}
