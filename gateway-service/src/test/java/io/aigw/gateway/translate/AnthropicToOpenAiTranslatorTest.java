package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToOpenAiTranslatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode response(String message) throws Exception {
        return MAPPER.readTree(AnthropicToOpenAiTranslator.response(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTranslateATextMessageWithUsage() throws Exception {
        JsonNode out = response("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\"},{\"type\":\"text\",\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"there\"}],"
                + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,"
                + "\"cache_creation_input_tokens\":2,\"cache_read_input_tokens\":3,\"output_tokens\":7}}");
        assertThat(out.path("id").asText(), equalTo("msg_1"));
        assertThat(out.path("object").asText(), equalTo("chat.completion"));
        assertThat(out.path("model").asText(), equalTo("claude-x"));
        JsonNode choice = out.path("choices").get(0);
        assertThat(choice.path("message").path("role").asText(), equalTo("assistant"));
        assertThat(choice.path("message").path("content").asText(), equalTo("Hello there"));
        assertThat(choice.path("finish_reason").asText(), equalTo("stop"));
        assertThat(out.path("usage").path("prompt_tokens").asLong(), equalTo(15L));
        assertThat(out.path("usage").path("completion_tokens").asLong(), equalTo(7L));
        assertThat(out.path("usage").path("total_tokens").asLong(), equalTo(22L));
        assertThat(out.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong(), equalTo(3L));
    }

    @Test
    void shouldTranslateToolUseToToolCalls() throws Exception {
        JsonNode out = response("{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}],"
                + "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}");
        JsonNode message = out.path("choices").get(0).path("message");
        assertThat(message.get("content").isNull(), equalTo(true));
        JsonNode call = message.path("tool_calls").get(0);
        assertThat(call.path("id").asText(), equalTo("toolu_1"));
        assertThat(call.path("type").asText(), equalTo("function"));
        assertThat(call.path("function").path("name").asText(), equalTo("get_weather"));
        assertThat(call.path("function").path("arguments").asText(), equalTo("{\"city\":\"Paris\"}"));
        assertThat(out.path("choices").get(0).path("finish_reason").asText(), equalTo("tool_calls"));
    }

    @Test
    void shouldMapEveryStopReason() {
        assertThat(AnthropicToOpenAiTranslator.finishReason("end_turn"), equalTo("stop"));
        assertThat(AnthropicToOpenAiTranslator.finishReason("stop_sequence"), equalTo("stop"));
        assertThat(AnthropicToOpenAiTranslator.finishReason("max_tokens"), equalTo("length"));
        assertThat(AnthropicToOpenAiTranslator.finishReason("tool_use"), equalTo("tool_calls"));
        assertThat(AnthropicToOpenAiTranslator.finishReason("refusal"), equalTo("content_filter"));
        assertThat(AnthropicToOpenAiTranslator.finishReason("pause_turn"), equalTo("stop"));
        assertThat(AnthropicToOpenAiTranslator.finishReason(null), equalTo("stop"));
    }

    @Test
    void shouldAnswerNullForABodyThatIsNotAMessage() {
        assertThat(AnthropicToOpenAiTranslator.response("nope".getBytes()), nullValue());
    }

    private static final String STREAM = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,"
            + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("ping", "{\"type\": \"ping\"}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"f\",\"input\":{}}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"1}\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");

    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    /** The `data:` payloads of translated events. */
    static List<String> data(Buffer out) {
        List<String> list = new ArrayList<>();
        SseEvents.forEach(out, (name, data) -> list.add(data));
        return list;
    }

    @Test
    void shouldTranslateAStreamEventByEventEndingWithUsageAndDone() throws Exception {
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(true, "anthropic");
        List<String> chunks = new ArrayList<>();
        // fed one event at a time, as it may arrive
        for (String event : STREAM.split("(?<=\n\n)")) {
            chunks.addAll(data(translator.apply(Buffer.buffer(event))));
        }
        assertThat(chunks.get(chunks.size() - 1), equalTo("[DONE]"));
        List<JsonNode> json = new ArrayList<>();
        for (String c : chunks.subList(0, chunks.size() - 1)) {
            json.add(MAPPER.readTree(c));
        }
        assertThat(json.size(), equalTo(8)); // role, 2 text, tool start, 2 args, finish, usage
        for (JsonNode chunk : json) {
            assertThat(chunk.path("object").asText(), equalTo("chat.completion.chunk"));
            assertThat(chunk.path("id").asText(), equalTo("msg_s"));
            assertThat(chunk.path("model").asText(), equalTo("claude-x"));
        }
        assertThat(json.get(0).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat(json.get(1).at("/choices/0/delta/content").asText() + json.get(2).at("/choices/0/delta/content").asText(),
                equalTo("Hello"));
        JsonNode start = json.get(3).at("/choices/0/delta/tool_calls/0");
        assertThat(start.path("index").asInt(), equalTo(0));
        assertThat(start.path("id").asText(), equalTo("toolu_9"));
        assertThat(start.at("/function/name").asText(), equalTo("f"));
        assertThat(json.get(4).at("/choices/0/delta/tool_calls/0/function/arguments").asText()
                + json.get(5).at("/choices/0/delta/tool_calls/0/function/arguments").asText(), equalTo("{\"a\":1}"));
        assertThat(json.get(6).at("/choices/0/finish_reason").asText(), equalTo("tool_calls"));
        assertThat(json.get(7).path("choices").size(), equalTo(0));
        assertThat(json.get(7).at("/usage/prompt_tokens").asLong(), equalTo(12L));
        assertThat(json.get(7).at("/usage/completion_tokens").asLong(), equalTo(9L));
        assertThat(translator.ended(), equalTo(true));
    }

    @Test
    void shouldLeaveOutTheUsageChunkWhenTheClientDidNotAskForIt() {
        List<String> chunks = data(new AnthropicStreamTranslator(false, "anthropic").apply(Buffer.buffer(STREAM)));
        assertThat(chunks.size(), equalTo(8));
        assertThat(chunks.stream().anyMatch(c -> c.contains("\"usage\"")), equalTo(false));
        assertThat(chunks.get(7), equalTo("[DONE]"));
    }

    @Test
    void shouldTurnAnInStreamErrorIntoAnOpenAiErrorEvent() {
        String stream = STREAM.substring(0, STREAM.indexOf("event: content_block_stop"))
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        List<String> chunks = data(new AnthropicStreamTranslator(false, "anthropic").apply(Buffer.buffer(stream)));
        String last = chunks.get(chunks.size() - 1);
        assertThat(last, containsString("\"code\":\"all_attempts_failed\""));
        assertThat(last, containsString("Overloaded"));
        assertThat(chunks.contains("[DONE]"), equalTo(false));
    }
}
