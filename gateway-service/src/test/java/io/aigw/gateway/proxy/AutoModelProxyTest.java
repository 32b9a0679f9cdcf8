package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `aigw/auto` through the proxy. The scoped key's models are priced alike, so the first by address serves; the
 * `banded` provider's three models are priced 0.3, 3 and 30 USD per million tokens, and the cheapest answers 503.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AutoModelProxyTest {

    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    @Test
    void shouldServeAutoWithTheChosenModelNamedAndSayWhy() {
        given().auth().oauth2(TestKeys.SCOPED).contentType(ContentType.JSON)
                .body("{\"model\":\"aigw/auto\"," + HI + "}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .header(GatewayHeaders.AUTO, containsString("score 0 (economy)"))
                .header(GatewayHeaders.AUTO, containsString("3 of 3 fitting models"));
    }

    @Test
    void shouldRefuseAutoWhenTheKeyMayCallNothing() {
        given().auth().oauth2(TestKeys.NOTHING_ALLOWED).contentType(ContentType.JSON)
                .body("{\"model\":\"aigw/auto\"," + HI + "}")
                .when().post("/v1/chat/completions").then().statusCode(403)
                .body("error.code", equalTo("model_not_allowed"));
    }

    @Test
    void shouldFailOverUpwardFromTheCheapestCandidateAndSayWhyInTheAttemptTrace() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            Response response = given().auth().oauth2(TestKeys.AUTO_BANDED).contentType(ContentType.JSON)
                    .body("{\"model\":\"aigw/auto\"," + HI + "}").when().post("/v1/chat/completions");
            response.then().statusCode(200)
                    .header(GatewayHeaders.MODEL, "banded:mid")
                    .header(GatewayHeaders.ATTEMPTS, "2")
                    .header(GatewayHeaders.AUTO, containsString("band economy: 3 of 3 fitting models, cheapest first"));
            assertThat(SimulatorClient.received().size(), equalTo(2));
            assertThat("the dearest model was not needed",
                    SimulatorClient.received().get(1).body().contains("\"model\":\"mid\""), equalTo(true));

            List<JsonNode> attempts = usage.eventsOf(response.header(GatewayHeaders.REQUEST_ID), 2);
            assertThat(attempts, hasSize(2));
            assertThat(attempts.get(0).path("modelId").asText(), equalTo("cheap@status=503"));
            assertThat(attempts.get(0).path("status").asInt(), equalTo(503));
            assertThat(attempts.get(0).path("auto").asText(), containsString("band economy"));
            assertThat(attempts.get(1).path("modelId").asText(), equalTo("mid"));
            assertThat(attempts.get(1).path("final").asBoolean(), equalTo(true));
            assertThat(attempts.get(1).path("outcome").asText(), equalTo("success"));
            assertThat("the auto choice is told once, on the first attempt", attempts.get(1).has("auto"), equalTo(false));
        }
    }

    @Test
    void shouldReadAMissingModelAsAutoWhereTheConfigurationSaysSo() {
        given().auth().oauth2(TestKeys.AUTO_BANDED).contentType(ContentType.JSON)
                .body("{" + HI + "}").when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "banded:mid")
                .header(GatewayHeaders.AUTO, startsWith("no model: aigw/auto; score 0 (economy)"));
        assertThat("the model the gateway chose is named upstream",
                SimulatorClient.received().get(0).body().contains("\"model\":\"cheap@status=503\""), equalTo(true));
        given().auth().oauth2(TestKeys.AUTO_BANDED).contentType(ContentType.JSON).header("anthropic-version", "2023-06-01")
                .body("{\"max_tokens\":64," + HI + "}").when().post("/v1/messages").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "banded:mid")
                .body("type", equalTo("message"));
    }

    @Test
    void shouldSendTheChosenModelWhenTheFirewallRedactedABodyWithoutModel() {
        given().auth().oauth2(TestKeys.AUTO_BANDED).contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"write to ann@example.com\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "banded:mid");
        String sent = SimulatorClient.received().get(1).body();
        assertThat(sent.contains("\"model\":\"mid\""), equalTo(true));
        assertThat("the email was redacted", sent.contains("ann@example.com"), equalTo(false));
    }

    @Test
    void shouldRefuseAMissingModelInTheSurfacesEnvelopeWhereTheConfigurationDoesNotAllowIt() {
        given().auth().oauth2(TestKeys.SCOPED).contentType(ContentType.JSON)
                .body("{" + HI + "}").when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("invalid_request"))
                .body("error.param", equalTo("model"))
                .body("error.message", equalTo("The request needs a \"model\"."));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).header("anthropic-version", "2023-06-01")
                .body("{\"max_tokens\":64," + HI + "}").when().post("/v1/messages").then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", equalTo("The request needs a \"model\"."));
        assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldChooseOnTheGeminiPathWhenTheModelInThePathIsAigwAuto() {
        given().header("x-goog-api-key", TestKeys.SCOPED).contentType(ContentType.JSON)
                .body("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}")
                .when().post("/v1beta/models/aigw/auto:generateContent").then().log().ifValidationFails().statusCode(200)
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .header(GatewayHeaders.AUTO, containsString("score 0 (economy)"))
                .body("candidates[0].content.parts[0].text", containsString("AIGW provider simulator"));
        given().urlEncodingEnabled(false).header("x-goog-api-key", TestKeys.AUTO_BANDED).contentType(ContentType.JSON)
                .body("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}")
                .when().post("/v1beta/models/models%2Faigw%2Fauto:streamGenerateContent?alt=sse").then().log().ifValidationFails()
                .statusCode(200)
                .header(GatewayHeaders.MODEL, "banded:mid")
                .body(containsString("AIGW"));
    }
}
