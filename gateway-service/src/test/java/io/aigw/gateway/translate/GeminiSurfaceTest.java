package io.aigw.gateway.translate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Gemini surface (`/v1beta/models/{model}:generateContent`, `:streamGenerateContent` with `alt=sse` or as a JSON
 * array) in Google's
 * documented request and response shapes, translated to an OpenAI-format provider (OpenRouter) and to Anthropic.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GeminiSurfaceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";
    private static final String OPENROUTER = "openrouter:anthropic/claude-3.5-sonnet";
    private static final String HELLO = "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello there\"}]}]";
    private static final String TOOLS = ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"description\":"
            + "\"Weather\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"}},"
            + "\"required\":[\"city\"]}}]}],\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"ANY\","
            + "\"allowedFunctionNames\":[\"get_weather\"]}}";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static Response generate(String model, String body) {
        return given().header("x-goog-api-key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post("/v1beta/models/" + model + ":generateContent");
    }

    private static List<JsonNode> streamed(String model, String body) throws Exception {
        String sse = given().queryParam("alt", "sse").queryParam("key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body(body).when().post("/v1beta/models/" + model + ":streamGenerateContent")
                .then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ")) {
                chunks.add(MAPPER.readTree(line.substring(6)));
            }
        }
        return chunks;
    }

    @Test
    void shouldAnswerGenerateContentFromAChatCompletionsProvider() {
        generate(OPENROUTER, "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]}," + HELLO
                + ",\"generationConfig\":{\"maxOutputTokens\":200,\"stopSequences\":[\"END\"],\"temperature\":0.3,\"topK\":4}}")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, equalTo(OPENROUTER))
                .header(GatewayHeaders.DROPPED_FIELDS, equalTo("generationConfig.topK"))
                .body("candidates[0].content.role", equalTo("model"))
                .body("candidates[0].content.parts[0].text", equalTo(SENTENCE))
                .body("candidates[0].finishReason", equalTo("STOP"))
                .body("usageMetadata.candidatesTokenCount", equalTo(8))
                .body("usageMetadata.promptTokenCount", equalTo("Be brief.Hello there".length() / 4 + 1));
        JsonNode upstream = SimulatorClient.received("/api/v1/chat/completions").get(0).json();
        assertThat(upstream.at("/messages/0/role").asText() + upstream.at("/messages/0/content").asText(), equalTo("systemBe brief."));
        assertThat(upstream.path("max_tokens").asInt(), equalTo(200));
        assertThat(upstream.at("/stop/0").asText(), equalTo("END"));
        assertThat(upstream.path("model").asText(), equalTo("anthropic/claude-3.5-sonnet"));
    }

    @Test
    void shouldAcceptTheKeyInTheQueryAndAnswerFromAnthropic() { // raw colons in the path, as Google's SDKs send them
        given().urlEncodingEnabled(false).queryParam("key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{" + HELLO + "}")
                .when().post("/v1beta/models/anthropic:claude-sonnet-4-5:generateContent")
                .then().statusCode(200)
                .body("candidates[0].content.parts[0].text", startsWith("Hello!"))
                .body("usageMetadata.candidatesTokenCount", equalTo(8));
        assertThat(SimulatorClient.received("/v1/messages").size(), equalTo(1));
    }

    @Test
    void shouldStreamGeminiChunksEndingWithFinishReasonAndUsage() throws Exception {
        for (String model : List.of(OPENROUTER, "anthropic:claude-sonnet-4-5")) {
            List<JsonNode> chunks = streamed(model, "{" + HELLO + "}");
            StringBuilder text = new StringBuilder();
            chunks.forEach(c -> text.append(c.at("/candidates/0/content/parts/0/text").asText("")));
            assertThat(text.toString(), equalTo(SENTENCE));
            JsonNode last = chunks.get(chunks.size() - 1);
            assertThat(last.at("/candidates/0/finishReason").asText(), equalTo("STOP"));
            assertThat(last.at("/usageMetadata/candidatesTokenCount").asInt(), equalTo(8));
        }
    }

    @Test
    void shouldTranslateFunctionDeclarationsAndCalls() throws Exception {
        for (String model : List.of(OPENROUTER, "anthropic:claude-sonnet-4-5")) {
            SimulatorClient.clear();
            JsonNode call = MAPPER.readTree(generate(model, "{" + HELLO + TOOLS + "}").then().statusCode(200).extract()
                    .asString()).at("/candidates/0/content/parts/0/functionCall");
            assertThat(call.path("name").asText(), equalTo("get_weather"));
            assertThat(call.at("/args/city").isTextual(), equalTo(true));
            String sent = SimulatorClient.received().get(0).body();
            assertThat(sent, containsString("\"type\":\"object\""));
            assertThat(sent, containsString("get_weather"));

            List<JsonNode> chunks = streamed(model, "{" + HELLO + TOOLS + "}");
            JsonNode streamedCall = chunks.get(chunks.size() - 1).at("/candidates/0/content/parts/0/functionCall");
            assertThat(streamedCall.path("name").asText(), equalTo("get_weather"));
            assertThat(streamedCall.at("/args/city").isTextual(), equalTo(true));
        }
        SimulatorClient.clear();
        generate(OPENROUTER, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather?\"}]},{\"role\":\"model\","
                + "\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}}]},{\"role\":\"user\","
                + "\"parts\":[{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"celsius\":18}}}]}]" + TOOLS + "}")
                .then().statusCode(200);
        JsonNode turns = SimulatorClient.received("/api/v1/chat/completions").get(0).json().path("messages");
        assertThat(turns.at("/1/tool_calls/0/function/arguments").asText(), equalTo("{\"city\":\"Paris\"}"));
        assertThat(turns.at("/2/role").asText(), equalTo("tool"));
        assertThat(turns.at("/2/tool_call_id").asText(), equalTo(turns.at("/1/tool_calls/0/id").asText()));
        assertThat(turns.at("/2/content").asText(), equalTo("{\"celsius\":18}"));
    }

    @Test
    void shouldAnswerErrorsInGooglesEnvelope() {
        given().header("x-goog-api-key", "ag-nobody00-g1-wrongsecretwrongsecret").contentType(ContentType.JSON)
                .body("{" + HELLO + "}").when().post("/v1beta/models/" + OPENROUTER + ":generateContent")
                .then().statusCode(401).body("error.code", equalTo(401)).body("error.status", equalTo("UNAUTHENTICATED"));
        generate(OPENROUTER + "@status=400", "{" + HELLO + "}")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", containsString("openrouter"));
        SimulatorClient.clear();
        generate(OPENROUTER, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"inlineData\":{\"mimeType\":\"audio/wav\","
                + "\"data\":\"AAAA\"}}]}]}")
                .then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", containsString("audio/wav"));
        assertThat(SimulatorClient.received("/api/v1/chat/completions").size(), equalTo(0));
    }

    private static Response jsonArrayStream(String model) {
        return given().header("x-goog-api-key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body("{" + HELLO + "}")
                .when().post("/v1beta/models/" + model + ":streamGenerateContent");
    }

    @Test
    void shouldStreamOneJsonArrayWhenTheClientDoesNotAskForServerSentEvents() throws Exception {
        Response response = jsonArrayStream(OPENROUTER);
        response.then().statusCode(200).contentType(startsWith("application/json"));
        String body = response.asString();
        assertThat(body, startsWith("[{"));
        assertThat(body, containsString("}\n,\r\n{"));
        assertThat(body, endsWith("}\n]"));
        JsonNode chunks = MAPPER.readTree(body);
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            for (JsonNode part : chunk.at("/candidates/0/content/parts")) {
                text.append(part.path("text").asText(""));
            }
        }
        assertThat(text.toString(), equalTo(SENTENCE));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText(), equalTo("STOP"));
        assertThat(last.at("/usageMetadata/candidatesTokenCount").asInt(), equalTo(8));
    }

    @Test
    void shouldEndAJsonArrayStreamWithGooglesErrorWhenTheProviderFailsMidStream() throws Exception {
        String body = jsonArrayStream(OPENROUTER + "@error-in-stream=3").then().statusCode(200).extract().asString();
        JsonNode chunks = MAPPER.readTree(body);
        assertThat(chunks.get(0).at("/candidates/0/content/parts/0/text").asText(), equalTo("Hello!"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/error/message").asText(), containsString("failed during the stream"));
        assertThat(last.at("/error/status").asText().isEmpty(), equalTo(false));
    }

    @Test
    void shouldEndAJsonArrayStreamWithGooglesErrorWhenTheProviderStopsBeforeItsFinish() throws Exception {
        String body = jsonArrayStream(OPENROUTER + "@end-after=3").then().statusCode(200).extract().asString();
        JsonNode chunks = MAPPER.readTree(body);
        assertThat(body, chunks.get(0).at("/candidates/0/content/parts/0/text").asText(), equalTo("Hello!"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(body, last.at("/error/message").asText(), containsString("ended without"));
        assertThat(body, last.at("/error/status").asText().isEmpty(), equalTo(false));
    }
}
