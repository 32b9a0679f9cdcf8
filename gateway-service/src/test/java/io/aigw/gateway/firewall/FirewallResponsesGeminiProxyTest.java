package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallRequests.openAi;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Response rules on the Responses and Gemini surfaces, through the proxy: the simulator's Anthropic model answers a
 * forced {@code shell.exec} call (translated into the client's surface), which {@code agent-guard}'s {@code no-shell}
 * rule removes, non-streamed and streamed.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class FirewallResponsesGeminiProxyTest {

    private static final String RESPONSES_SHELL = "\"input\":\"list files\",\"tools\":[{\"type\":\"function\",\"name\":\"shell.exec\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"cmd\":{\"type\":\"string\"}}}}],"
            + "\"tool_choice\":{\"type\":\"function\",\"name\":\"shell.exec\"}";
    private static final String GEMINI_SHELL = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"list files\"}]}],"
            + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"shell.exec\",\"parameters\":{\"type\":\"OBJECT\","
            + "\"properties\":{\"cmd\":{\"type\":\"STRING\"}}}}]}],"
            + "\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"shell.exec\"]}}}";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    @Test
    void shouldReplaceABlockedFunctionCallOfAResponsesAnswerByANote() {
        openAi(TestKeys.FIREWALLED)
                .body("{\"model\":\"anthropic:claude-sonnet-4-5\"," + RESPONSES_SHELL + "}")
                .when().post("/v1/responses").then().statusCode(200)
                .body("object", equalTo("response"))
                .body("output.find { it.type == 'function_call' }", nullValue())
                .body("output.find { it.type == 'message' }.content[0].text",
                        containsString("\"shell.exec\" was blocked by firewall policy \"agent-guard\" rule \"no-shell\""));
    }

    @Test
    void shouldReplaceABlockedFunctionCallInAResponsesStream() {
        String body = openAi(TestKeys.FIREWALLED)
                .body("{\"model\":\"anthropic:claude-sonnet-4-5@chunks=6\",\"stream\":true," + RESPONSES_SHELL + "}")
                .when().post("/v1/responses").then().statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"type\":\"function_call\"")));
        assertThat(body, containsString("event: response.output_text.delta"));
        assertThat(body, containsString("rule \\\"no-shell\\\""));
        assertThat(body, containsString("event: response.completed"));
    }

    @Test
    void shouldReplaceABlockedFunctionCallOfAGeminiAnswerByATextPart() {
        given().header("x-goog-api-key", TestKeys.FIREWALLED).contentType(ContentType.JSON).body(GEMINI_SHELL)
                .when().post("/v1beta/models/anthropic:claude-sonnet-4-5:generateContent").then().statusCode(200)
                .body("candidates[0].content.parts.find { it.functionCall != null }", nullValue())
                .body("candidates[0].content.parts.find { it.text != null }.text", containsString("rule \"no-shell\""));
    }

    @Test
    void shouldReplaceABlockedFunctionCallInAGeminiStream() {
        String body = given().header("x-goog-api-key", TestKeys.FIREWALLED).contentType(ContentType.JSON).body(GEMINI_SHELL)
                .queryParam("alt", "sse")
                .when().post("/v1beta/models/anthropic:claude-sonnet-4-5@chunks=6:streamGenerateContent").then()
                .statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"functionCall\"")));
        assertThat(body, containsString("rule \\\"no-shell\\\""));
    }
}
