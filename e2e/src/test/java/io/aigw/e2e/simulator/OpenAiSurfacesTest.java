package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.e2e.simulator.content.SimulatedText;
import io.restassured.specification.RequestSpecification;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legacy completions, embeddings, the Responses API and the model list. */
class OpenAiSurfacesTest extends SimulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RequestSpecification openAi() {
        return given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1")
                .contentType("application/json");
    }

    @Test
    void shouldAnswerLegacyTextCompletion() {
        openAi().body("{\"model\":\"gpt-3.5-turbo-instruct@chunks=4\",\"prompt\":\"Say hello, please\"}")
                .when().post("/v1/completions")
                .then().statusCode(200)
                .body("object", equalTo("text_completion"))
                .body("model", equalTo("gpt-3.5-turbo-instruct"))
                .body("choices[0].text", equalTo(SimulatedText.text(4)))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo("Say hello, please".length() / 4 + 1))
                .body("usage.completion_tokens", equalTo(4));
    }

    @Test
    void shouldStreamLegacyTextCompletionEndingWithDone() throws Exception {
        SseCapture stream = client.stream("/v1/completions",
                "{\"model\":\"gpt-3.5-turbo-instruct@chunks=3\",\"prompt\":\"Hi\",\"stream\":true}", OPENAI);

        List<JsonNode> chunks = stream.json();
        assertEquals(4, chunks.size());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/text").asText()));
        assertEquals(SimulatedText.text(3), text.toString());
        assertEquals("stop", chunks.get(3).at("/choices/0/finish_reason").asText());
        assertEquals("[DONE]", stream.lastData());
    }

    @Test
    void shouldAnswerDeterministicUnitEmbeddingsPerInput() throws Exception {
        String body = "{\"model\":\"text-embedding-3-small\",\"input\":[\"alpha\",\"beta\",\"alpha\"]}";
        JsonNode first = MAPPER.readTree(client.post("/v1/embeddings", body, OPENAI).body());
        JsonNode again = MAPPER.readTree(client.post("/v1/embeddings", body, OPENAI).body());

        assertEquals("list", first.path("object").asText());
        assertEquals(3, first.path("data").size());
        JsonNode alpha = first.at("/data/0/embedding");
        assertEquals(8, alpha.size());
        assertEquals(alpha, first.at("/data/2/embedding"));
        assertNotEquals(alpha, first.at("/data/1/embedding"));
        assertEquals(alpha, again.at("/data/0/embedding"));
        double norm = 0;
        for (JsonNode v : alpha) {
            norm += v.asDouble() * v.asDouble();
        }
        assertEquals(1.0, norm, 1e-4);
        assertEquals("alphabetaalpha".length() / 4 + 1, first.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void shouldEncodeEmbeddingsAsLittleEndianFloat32Base64WhenAsked() throws Exception {
        JsonNode floats = MAPPER.readTree(client.post("/v1/embeddings",
                "{\"model\":\"e\",\"input\":\"alpha\",\"dimensions\":4}", OPENAI).body());
        JsonNode encoded = MAPPER.readTree(client.post("/v1/embeddings",
                "{\"model\":\"e\",\"input\":\"alpha\",\"dimensions\":4,\"encoding_format\":\"base64\"}", OPENAI).body());

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] decoded = new float[bytes.remaining() / 4];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = bytes.getFloat();
        }
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) floats.at("/data/0/embedding/" + i).asDouble();
        }
        assertArrayEquals(expected, decoded);
    }

    @Test
    void shouldAnswerResponsesObjectWithOutputTextAndUsage() {
        openAi().body("{\"model\":\"gpt-4.1@chunks=6\",\"instructions\":\"Be kind.\",\"input\":\"Hello!\"}")
                .when().post("/v1/responses")
                .then().statusCode(200)
                .body("object", equalTo("response"))
                .body("status", equalTo("completed"))
                .body("model", equalTo("gpt-4.1"))
                .body("output[0].type", equalTo("message"))
                .body("output[0].content[0].type", equalTo("output_text"))
                .body("output[0].content[0].text", equalTo(SimulatedText.text(6)))
                .body("usage.input_tokens", equalTo(("Be kind.".length() + "Hello!".length()) / 4 + 1))
                .body("usage.output_tokens", equalTo(6))
                .body("usage.total_tokens", equalTo(("Be kind.".length() + "Hello!".length()) / 4 + 1 + 6));
    }

    @Test
    void shouldStreamResponsesEventsInOrderEndingWithCompletedUsage() throws Exception {
        SseCapture stream = client.stream("/v1/responses",
                "{\"model\":\"gpt-4.1@chunks=2\",\"input\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"stream\":true}",
                OPENAI);

        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed"), stream.eventNames());
        List<JsonNode> events = stream.json();
        List<Integer> sequence = new ArrayList<>();
        events.forEach(e -> sequence.add(e.path("sequence_number").asInt()));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sequence);
        assertEquals(stream.eventNames().get(4), events.get(4).path("type").asText());
        assertEquals(SimulatedText.text(2), events.get(4).path("delta").asText() + events.get(5).path("delta").asText());
        JsonNode completed = events.get(9).path("response");
        assertEquals("completed", completed.path("status").asText());
        assertEquals(2, completed.at("/usage/output_tokens").asInt());
        assertEquals("Hello!".length() / 4 + 1, completed.at("/usage/input_tokens").asInt());
    }

    @Test
    void shouldAnswerAndStreamAResponsesFunctionCallWhenAToolIsForced() throws Exception {
        String tools = "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}],\"tool_choice\":{\"type\":\"function\",\"name\":\"get_weather\"}";
        openAi().body("{\"model\":\"gpt-4.1\",\"input\":\"Weather?\"," + tools + "}")
                .when().post("/v1/responses")
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("output[0].type", equalTo("function_call"))
                .body("output[0].name", equalTo("get_weather"))
                .body("output[0].arguments", equalTo("{\"city\":\"simulated\"}"));

        SseCapture stream = client.stream("/v1/responses",
                "{\"model\":\"gpt-4.1@chunks=3\",\"input\":\"Weather?\",\"stream\":true," + tools + "}", OPENAI);
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.completed"), stream.eventNames());
        List<JsonNode> events = stream.json();
        assertEquals("{\"city\":\"simulated\"}", events.get(3).path("delta").asText() + events.get(4).path("delta").asText()
                + events.get(5).path("delta").asText());
        assertEquals(events.get(2).at("/item/id").asText(), events.get(3).path("item_id").asText());
        assertEquals("function_call", events.get(8).at("/response/output/0/type").asText());
    }

    @Test
    void shouldListOpenAiModels() {
        openAi().when().get("/v1/models")
                .then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItem("gpt-4o-mini"))
                .body("data.findAll { it.object == 'model' }", hasSize(5));
    }
}
