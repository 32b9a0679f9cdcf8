package io.aigw.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ErrorEnvelopeTest {

    private static final String REQUEST_ID = "req_[a-z2-7]{24}";

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    @Test
    void shouldAnswerUnknownModelInOpenAisEnvelopeWithAStableCodeAndParam() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-9\",\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("error.code", equalTo("unknown_model"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("model"))
                .body("error.message", containsString("gpt-9"));
    }

    @Test
    void shouldAnswerMessagesErrorsInAnthropicsEnvelope() {
        given().header("x-api-key", TestKeys.ALLOW_ALL).header("anthropic-version", "2023-06-01")
                .contentType(ContentType.JSON)
                .body("{\"model\":\"anthropic/claude-3.5-sonnet\",\"max_tokens\":5,\"messages\":[]}")
                .when().post("/v1/messages")
                .then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("did you mean \"openrouter:anthropic/claude-3.5-sonnet\"?"))
                .body("error.code", nullValue());
    }

    @Test
    void shouldAnswerUnknownProviderAndInvalidModelAddress() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"acme:thing\",\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo("unknown_provider"));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"\",\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo("invalid_model_address"));
    }

    @Test
    void shouldAnswerInvalidRequestForABodyThatIsNotJson() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body("{\"model\": nope")
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.code", equalTo("invalid_request"))
                .body("error.message", not(containsString("Exception")));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body("{\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo("invalid_request")).body("error.param", equalTo("model"));
    }

    @Test
    void shouldRefuseABodyOverTheLimitFromItsContentLength() {
        byte[] big = ("{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes();
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(big)
                .when().post("/v1/chat/completions")
                .then().statusCode(413)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("error.code", equalTo("request_too_large"));
    }

    @Test
    void shouldRefuseAChunkedBodyAsSoonAsItPassesTheLimit() {
        byte[] big = ("{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(200_000) + "\"}").getBytes();
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big))
                .when().post("/v1/chat/completions")
                .then().statusCode(413).body("error.code", equalTo("request_too_large"));
    }

    @Test
    void shouldAnswerAnUnknownDataPlanePathWith404InTheEnvelope() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).when().get("/v1/nothing-here")
                .then().statusCode(404)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void shouldExposeTheGatewayHeadersThroughCors() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).header("Origin", "https://app.example")
                .when().get("/v1/models")
                .then().statusCode(200)
                .header("access-control-allow-origin", equalTo("*"))
                .header("access-control-expose-headers", containsString("X-AIGW-Request-Id"))
                .header("access-control-expose-headers", containsString("X-AIGW-Model"))
                .header("access-control-expose-headers", containsString("X-AIGW-Attempts"))
                .header("access-control-expose-headers", containsString("X-AIGW-Provider"));
    }

    @Test
    void shouldAnswerCorsPreflightWithoutAuthentication() {
        given().header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/v1/chat/completions")
                .then().statusCode(204)
                .header("access-control-allow-origin", equalTo("*"))
                .header("access-control-allow-methods", containsString("POST"))
                .header("access-control-allow-headers", containsString("authorization"));
    }
}
