package io.aigw.gateway.translate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that serves only Google's native `generateContent` (catalog surface `google/generate-content`, key in
 * `x-goog-api-key`, model and streaming in the URL): Gemini clients reach it natively, chat-completions and
 * Anthropic messages clients through translation, streamed and not, against the simulator in Google's wire format.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GeminiProviderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";
    private static final String GEMINI = "gemini:gemini-2.5-flash";
    private static final String CHAT_TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"],\"additionalProperties\":false}}}]";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static Response chat(String body) {
        return given().header("authorization", "Bearer " + TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions");
    }

    private static Response messages(String body) {
        return given().header("x-api-key", TestKeys.ALLOW_ALL).header("anthropic-version", "2023-06-01")
                .contentType(ContentType.JSON).body(body).when().post("/v1/messages");
    }

    private static List<JsonNode> data(String sse) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : sse.split("\r?\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(MAPPER.readTree(line.substring(6)));
            }
        }
        return out;
    }

    /** The query string of the one request the simulator received. */
    private static String upstreamQuery() throws Exception {
        JsonNode list = MAPPER.readTree(given().get(SimulatorClient.baseUrl() + "/_sim/requests").asString());
        return list.get(0).path("query").asText("");
    }

    @Test
    void shouldCallAGeminiProviderNativelyWithTheModelInTheUrlAndTheClientsBody() throws Exception {
        String body = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Hello there\"}]}],"
                + " \"generationConfig\": {\"topK\": 4}}";
        String answer = given().header("x-goog-api-key", TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post("/v1beta/models/" + GEMINI + ":generateContent")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, equalTo(GEMINI))
                .header(GatewayHeaders.DROPPED_FIELDS, nullValue())
                .extract().asString();
        SimulatorClient.Recorded upstream = SimulatorClient.received().get(0);
        assertThat(upstream.path(), equalTo("/v1beta/models/gemini-2.5-flash:generateContent"));
        assertThat(upstream.header("x-goog-api-key"), equalTo("sim-key-1"));
        assertThat(upstream.header("authorization"), nullValue());
        assertThat(upstream.body(), equalTo("{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Hello there\"}]}],"
                + "\"generationConfig\": {\"topK\": 4}}"));
        JsonNode json = MAPPER.readTree(answer);
        assertThat(json.at("/candidates/0/content/parts/0/text").asText(), equalTo(SENTENCE));
        assertThat(json.path("modelVersion").asText(), equalTo("gemini-2.5-flash"));
    }

    @Test
    void shouldRelayANativeGeminiStreamAsSentAndMeterItsUsage() throws Exception {
        try (UsageEventsReader reader = new UsageEventsReader()) {
            Response response = given().queryParam("alt", "sse").header("x-goog-api-key", TestKeys.ALLOW_ALL)
                    .contentType(ContentType.JSON).body("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello there\"}]}]}")
                    .when().post("/v1beta/models/" + GEMINI + "@chunks=3:streamGenerateContent");
            String sse = response.then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
            assertThat(upstreamQuery(), equalTo("alt=sse"));
            assertThat(sse, containsString("}\r\n\r\ndata: ")); // Google's framing, untouched
            assertThat(sse, not(containsString("[DONE]")));
            List<JsonNode> chunks = data(sse);
            assertThat(chunks.size(), equalTo(4));
            assertThat(chunks.get(3).at("/candidates/0/finishReason").asText(), equalTo("STOP"));
            JsonNode tokens = reader.eventsOf(response.header(GatewayHeaders.REQUEST_ID), 1).get(0).path("tokens");
            assertThat(tokens.path("estimated").asBoolean(), equalTo(false));
            assertThat(tokens.path("input").asLong(), equalTo("hello there".length() / 4 + 1L));
            assertThat(tokens.path("output").asLong(), equalTo(3L));
        }
    }

    @Test
    void shouldTranslateAChatCompletionToGenerateContentAndBack() throws Exception {
        chat("{\"model\":\"" + GEMINI + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello there\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}]},{\"role\":\"assistant\",\"content\":\"Hi.\"},"
                + "{\"role\":\"user\",\"content\":\"Again\"}],\"max_tokens\":200,\"stop\":[\"END\"],\"temperature\":0.3,"
                + "\"top_p\":0.9,\"logit_bias\":{\"50256\":-100},\"reasoning_effort\":\"low\"}")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, equalTo(GEMINI))
                .header(GatewayHeaders.DROPPED_FIELDS, equalTo("logit_bias"))
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.content", equalTo(SENTENCE))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.completion_tokens", equalTo(8 + 3))
                .body("usage.completion_tokens_details.reasoning_tokens", equalTo(3));
        SimulatorClient.Recorded upstream = SimulatorClient.received().get(0);
        assertThat(upstream.path(), equalTo("/v1beta/models/gemini-2.5-flash:generateContent"));
        JsonNode sent = upstream.json();
        assertThat(sent.has("model"), equalTo(false));
        assertThat(sent.at("/systemInstruction/parts/0/text").asText(), equalTo("Be brief."));
        assertThat(sent.at("/contents/0/parts/1/inlineData/mimeType").asText(), equalTo("image/png"));
        assertThat(sent.at("/contents/1/role").asText(), equalTo("model"));
        assertThat(sent.at("/contents/2/parts/0/text").asText(), equalTo("Again"));
        assertThat(sent.at("/generationConfig/maxOutputTokens").asInt(), equalTo(200));
        assertThat(sent.at("/generationConfig/stopSequences/0").asText(), equalTo("END"));
        assertThat(sent.at("/generationConfig/topP").asDouble(), equalTo(0.9));
        assertThat(sent.at("/generationConfig/thinkingConfig/thinkingBudget").asInt(), equalTo(1024));
    }

    @Test
    void shouldTranslateToolsCallsAndParallelResults() throws Exception {
        JsonNode call = MAPPER.readTree(chat("{\"model\":\"" + GEMINI + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Weather?\"}]," + CHAT_TOOLS + ",\"tool_choice\":\"required\"}").then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls")).extract().asString())
                .at("/choices/0/message/tool_calls/0");
        assertThat(call.at("/function/name").asText(), equalTo("get_weather"));
        assertThat(MAPPER.readTree(call.at("/function/arguments").asText()).path("city").asText(), equalTo("simulated"));
        JsonNode sent = SimulatorClient.received().get(0).json();
        assertThat(sent.at("/tools/0/functionDeclarations/0/parametersJsonSchema/additionalProperties").asBoolean(true),
                equalTo(false));
        assertThat(sent.at("/toolConfig/functionCallingConfig/mode").asText(), equalTo("ANY"));

        SimulatorClient.clear();
        chat("{\"model\":\"" + GEMINI + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                + "\"content\":\"sunny\"},{\"role\":\"tool\",\"tool_call_id\":\"c2\",\"content\":\"{\\\"sky\\\":\\\"rain\\\"}\"}],"
                + CHAT_TOOLS + "}").then().statusCode(200);
        JsonNode history = SimulatorClient.received().get(0).json().path("contents");
        assertThat(history.size(), equalTo(3));
        assertThat(history.at("/1/parts/1/functionCall/args/city").asText(), equalTo("Rome"));
        assertThat(history.at("/2/role").asText(), equalTo("user"));
        assertThat(history.at("/2/parts/0/functionResponse/name").asText(), equalTo("get_weather"));
        assertThat(history.at("/2/parts/0/functionResponse/id").asText(), equalTo("c1"));
        assertThat(history.at("/2/parts/0/functionResponse/response/output").asText(), equalTo("sunny"));
        assertThat(history.at("/2/parts/1/functionResponse/response/sky").asText(), equalTo("rain"));
    }

    @Test
    void shouldStreamChatChunksFromGeminiChunksEndingWithUsageAndDone() throws Exception {
        String sse = chat("{\"model\":\"" + GEMINI + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}")
                .then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
        assertThat(upstreamQuery(), equalTo("alt=sse"));
        assertThat(SimulatorClient.received().get(0).path(), equalTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent"));
        assertThat(sse.trim(), endsWith("data: [DONE]"));
        List<JsonNode> chunks = data(sse);
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString(), equalTo(SENTENCE));
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText(), equalTo("stop"));
        assertThat(chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt(), equalTo(8));
    }

    @Test
    void shouldAnswerAnthropicMessagesFromGeminiStreamedAndNot() throws Exception {
        String body = "{\"model\":\"" + GEMINI + "\",\"max_tokens\":100,\"system\":\"Be brief.\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Hello there\"}]";
        messages(body + "}").then().statusCode(200)
                .body("type", equalTo("message"))
                .body("content[0].text", equalTo(SENTENCE))
                .body("stop_reason", equalTo("end_turn"))
                .body("usage.output_tokens", equalTo(8));
        assertThat(SimulatorClient.received().get(0).json().at("/systemInstruction/parts/0/text").asText(),
                equalTo("Be brief."));
        String sse = messages(body + ",\"stream\":true}").then().statusCode(200).extract().asString();
        assertThat(sse, startsWith("event: message_start"));
        assertThat(sse, containsString("\"stop_reason\":\"end_turn\""));
        assertThat(sse.trim(), endsWith("data: {\"type\":\"message_stop\"}"));
        StringBuilder text = new StringBuilder();
        data(sse).forEach(e -> text.append(e.at("/delta/text").asText("")));
        assertThat(text.toString(), equalTo(SENTENCE));
        JsonNode toolUse = MAPPER.readTree(messages("{\"model\":\"" + GEMINI + "\",\"max_tokens\":100,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Weather?\"}],\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}],\"tool_choice\":{\"type\":\"any\"}}")
                .then().statusCode(200).body("stop_reason", equalTo("tool_use")).extract().asString());
        assertThat(toolUse.at("/content/0/input/city").asText(), equalTo("simulated"));
    }

    @Test
    void shouldTryTheNextKeyWhenGoogleCallsTheKeyInvalid() {
        given().header("authorization", "Bearer " + TestKeys.ROUTED).contentType(ContentType.JSON)
                .body("{\"model\":\"" + GEMINI + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header(GatewayHeaders.ATTEMPTS, equalTo("2"));
        List<SimulatorClient.Recorded> sent = SimulatorClient.received();
        assertThat(sent.get(0).header("x-goog-api-key"), equalTo("gemini-bad-key"));
        assertThat(sent.get(1).header("x-goog-api-key"), equalTo("sim-key-1"));
    }

    @Test
    void shouldFailOverFromAGemini429AndAnswerOtherErrorsInTheClientsEnvelope() {
        chat("{\"model\":\"" + GEMINI + "@status=429\",\"models\":[\"openai:gpt-4o\"],\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, equalTo("openai:gpt-4o"))
                .header(GatewayHeaders.ATTEMPTS, equalTo("3")); // a 429 tries the provider's other key first
        chat("{\"model\":\"" + GEMINI + "@status=404\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(404)
                .body("error.message", containsString("is not found for API version v1beta"));
        messages("{\"model\":\"" + GEMINI + "@status=400\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.message", containsString("invalid argument"));
    }

    /**
     * Gemini ends its stream after three chunks without the chunk that carries `finishReason` (the simulator's
     * `end-after`): the answer was cut, so each client surface's stream ends with its own error event, after the text
     * that came, rather than with no end at all.
     */
    @Test
    void shouldEndEachClientsStreamWithItsErrorEventWhenGeminiStopsWithoutAFinishReason() throws Exception {
        String cut = GEMINI + "@end-after=3";
        String sse = chat("{\"model\":\"" + cut + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .then().statusCode(200).extract().asString();
        List<JsonNode> chunks = data(sse);
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(sse, text.toString(), equalTo("Hello! This is"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(sse, last.at("/error/code").asText(), equalTo("all_attempts_failed"));
        assertThat(sse, last.at("/error/message").asText(), containsString("ended without a finishReason"));
        assertThat(sse, not(containsString("[DONE]")));

        String events = messages("{\"model\":\"" + cut + "\",\"max_tokens\":100,\"stream\":true,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Hi\"}]}").then().statusCode(200).extract().asString();
        assertThat(events, startsWith("event: message_start"));
        assertThat(events, containsString("\"text\":\" This\""));
        assertThat(events, containsString("event: error"));
        assertThat(events, not(containsString("message_stop")));

        String responses = given().header("authorization", "Bearer " + TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"" + cut + "\",\"stream\":true,\"input\":\"Hi\"}").when().post("/v1/responses")
                .then().statusCode(200).extract().asString();
        assertThat(responses, containsString("event: response.output_text.delta"));
        assertThat(responses, containsString("event: error"));
        assertThat(responses, not(containsString("response.completed")));
    }

    /** Gemini ends its stream before any chunk (`end-after=0`): no answer was started, so the next model serves it. */
    @Test
    void shouldFailOverWhenGeminiEndsItsStreamBeforeAnyContent() throws Exception {
        Response response = chat("{\"model\":\"" + GEMINI + "@end-after=0\",\"models\":[\"openai:gpt-4o\"],\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        String sse = response.then().statusCode(200).header(GatewayHeaders.MODEL, equalTo("openai:gpt-4o")).extract().asString();
        assertThat(sse.trim(), endsWith("data: [DONE]"));
        assertThat(sse, not(containsString("\"error\"")));
    }
}
