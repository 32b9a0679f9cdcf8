package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAiToAnthropicTranslatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode translate(String chat) throws Exception {
        byte[] bytes = chat.getBytes(StandardCharsets.UTF_8);
        return MAPPER.readTree(OpenAiToAnthropicTranslator.translate(bytes, bytes.length)
                .forModel("claude-sonnet-4-5-20250929", Set.of()).getBytes());
    }

    @Test
    void shouldMoveSystemMessagesToSystemAndDefaultMaxTokens() throws Exception {
        JsonNode out = translate("{\"model\":\"anthropic:claude-sonnet-4-5\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"No emoji.\"}]},"
                + "{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi!\"},"
                + "{\"role\":\"user\",\"content\":\"How are you?\"}],\"temperature\":1.7,\"top_p\":0.9,\"stop\":\"END\","
                + "\"frequency_penalty\":0.5,\"logit_bias\":{},\"n\":1,\"user\":\"u-1\",\"stream_options\":{\"include_usage\":true}}");

        assertThat(out.path("model").asText(), equalTo("claude-sonnet-4-5-20250929"));
        assertThat(out.path("system").get(0).path("text").asText(), equalTo("Be brief."));
        assertThat(out.path("system").get(1).path("text").asText(), equalTo("No emoji."));
        assertThat(out.path("messages").size(), equalTo(3));
        assertThat(out.path("messages").get(0).path("role").asText(), equalTo("user"));
        assertThat(out.path("messages").get(0).path("content").get(0).path("text").asText(), equalTo("Hello"));
        assertThat(out.path("messages").get(1).path("role").asText(), equalTo("assistant"));
        assertThat(out.path("max_tokens").asInt(), equalTo(OpenAiToAnthropicTranslator.DEFAULT_MAX_TOKENS));
        assertThat(out.path("temperature").asDouble(), equalTo(1.0));
        assertThat(out.path("top_p").asDouble(), equalTo(0.9));
        assertThat(out.path("stop_sequences").get(0).asText(), equalTo("END"));
        assertThat(out.path("metadata").path("user_id").asText(), equalTo("u-1"));
        // Anthropic refuses fields it does not know
        for (String absent : new String[] {"frequency_penalty", "logit_bias", "n", "stream_options", "user", "stream"}) {
            assertThat(absent, out.has(absent), equalTo(false));
        }
    }

    @Test
    void shouldPreferMaxCompletionTokensAndKeepStopLists() throws Exception {
        JsonNode out = translate("{\"model\":\"m\",\"max_tokens\":50,\"max_completion_tokens\":77,\"stop\":[\"a\",\"b\"],"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(out.path("max_tokens").asInt(), equalTo(77));
        assertThat(out.path("stop_sequences").toString(), equalTo("[\"a\",\"b\"]"));
        assertThat(out.path("stream").asBoolean(), equalTo(true));
    }

    @Test
    void shouldTranslateImagesAsBase64OrUrlBlocks() throws Exception {
        JsonNode out = translate("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.jpg\",\"detail\":\"high\"}}]}]}");
        JsonNode blocks = out.path("messages").get(0).path("content");
        assertThat(blocks.get(0).path("text").asText(), equalTo("What is this?"));
        assertThat(blocks.get(1).toString(), equalTo(
                "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}"));
        assertThat(blocks.get(2).toString(), equalTo(
                "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}}"));
    }

    @Test
    void shouldTranslateToolsToolCallsAndToolResultsIntoOneUserTurn() throws Exception {
        JsonNode out = translate("{\"model\":\"m\",\"tool_choice\":\"required\",\"parallel_tool_calls\":false,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris and Rome?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},"
                + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"18C\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"22C\"}]}");

        JsonNode tool = out.path("tools").get(0);
        assertThat(tool.path("name").asText(), equalTo("get_weather"));
        assertThat(tool.path("description").asText(), equalTo("Weather"));
        assertThat(tool.path("input_schema").path("properties").has("city"), equalTo(true));
        assertThat(out.path("tool_choice").toString(), equalTo("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"));
        JsonNode messages = out.path("messages");
        assertThat(messages.size(), equalTo(3));
        JsonNode calls = messages.get(1).path("content");
        assertThat(calls.size(), equalTo(2));
        assertThat(calls.get(0).toString(), equalTo(
                "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}"));
        JsonNode results = messages.get(2);
        assertThat(results.path("role").asText(), equalTo("user"));
        assertThat(results.path("content").size(), equalTo(2));
        assertThat(results.path("content").get(1).path("type").asText(), equalTo("tool_result"));
        assertThat(results.path("content").get(1).path("tool_use_id").asText(), equalTo("call_2"));
        assertThat(results.path("content").get(1).path("content").get(0).path("text").asText(), equalTo("22C"));
    }

    @Test
    void shouldTranslateANamedToolChoice() throws Exception {
        JsonNode out = translate("{\"model\":\"m\",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(out.path("tool_choice").toString(), equalTo("{\"type\":\"tool\",\"name\":\"f\"}"));
        assertThat(out.path("tools").get(0).path("input_schema").path("type").asText(), equalTo("object"));
    }

    @Test
    void shouldRemoveTheModelsUnsupportedParameters() throws Exception {
        byte[] bytes = "{\"model\":\"m\",\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode out = MAPPER.readTree(OpenAiToAnthropicTranslator.translate(bytes, bytes.length)
                .forModel("claude", Set.of("temperature")).getBytes());
        assertThat(out.has("temperature"), equalTo(false));
    }

    @Test
    void shouldRefuseWhatCannotBeTranslatedAsTheClientsError() {
        for (String bad : new String[] {"[1]", "{\"model\":\"m\"}", "{\"model\":\"m\",\"messages\":[]}",
                "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png,xyz\"}}]}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"not json\"}}]}]}"}) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            GatewayException e = assertThrows(GatewayException.class, () -> OpenAiToAnthropicTranslator.translate(bytes, bytes.length), bad);
            assertThat(bad, e.status(), equalTo(400));
            assertThat(e.code().code(), equalTo("invalid_request"));
        }
    }
}
