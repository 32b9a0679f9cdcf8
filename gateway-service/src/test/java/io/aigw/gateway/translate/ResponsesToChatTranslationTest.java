package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenAI Responses → chat-completions (and on to Anthropic), request and answer, without a server. */
class ResponsesToChatTranslationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldTranslateItemsToolsAndFormatAndNameWhatIsDropped() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"instructions\":\"Be brief.\",\"store\":true,\"reasoning\":{\"effort\":\"low\"},"
                + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Look\"},{\"type\":\"input_image\","
                + "\"image_url\":\"https://x/cat.png\",\"detail\":\"low\"}]},{\"type\":\"reasoning\",\"summary\":[]},"
                + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"c2\",\"name\":\"g\",\"arguments\":\"{\\\"a\\\":1}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"one\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"parameters\":{\"type\":\"object\"}},{\"type\":\"web_search\"}],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"f\"},\"max_output_tokens\":99,"
                + "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"s\",\"schema\":{\"type\":\"object\"},\"strict\":true}}}");
        ResponsesToChatTranslation translation = ResponsesToChatTranslation.of(in, in.length);
        JsonNode chat = MAPPER.readTree(translation.forModel("m", Set.of()).getBytes());
        JsonNode m = chat.path("messages");
        assertThat(m.at("/0/role").asText() + m.at("/0/content").asText(), equalTo("systemBe brief."));
        assertThat(m.at("/1/content/1/image_url/url").asText(), equalTo("https://x/cat.png"));
        assertThat(m.at("/2/role").asText(), equalTo("assistant"));
        assertThat(m.at("/2/tool_calls").size(), equalTo(2));
        assertThat(m.at("/2/tool_calls/1/function/arguments").asText(), equalTo("{\"a\":1}"));
        assertThat(m.at("/3/role").asText() + m.at("/3/tool_call_id").asText() + m.at("/3/content").asText(), equalTo("toolc1one"));
        assertThat(chat.path("tools").size(), equalTo(1));
        assertThat(chat.at("/tool_choice/function/name").asText(), equalTo("f"));
        assertThat(chat.path("max_tokens").asInt(), equalTo(99));
        assertThat(chat.at("/response_format/json_schema/name").asText(), equalTo("s"));
        assertThat(translation.dropped(), contains("store", "reasoning", "input[].reasoning", "tools[].web_search"));

        Translation anthropic = ResponsesToMessagesTranslation.of(in, in.length);
        assertThat(anthropic.dropped(), contains("store", "reasoning", "input[].reasoning", "tools[].web_search", "text.format"));
        JsonNode messages = MAPPER.readTree(anthropic.forModel("c", Set.of()).getBytes());
        assertThat(messages.at("/system/0/text").asText(), equalTo("Be brief."));
        assertThat(messages.at("/messages/1/content/1/input/a").asInt(), equalTo(1));
        assertThat(messages.at("/tool_choice/type").asText(), equalTo("tool"));
    }

    @Test
    void shouldRefuseWhatNeedsTheProvidersStoredState() {
        byte[] in = bytes("{\"model\":\"x\",\"previous_response_id\":\"resp_1\",\"input\":\"go on\"}");
        GatewayException e = assertThrows(GatewayException.class, () -> ResponsesToChatTranslation.of(in, in.length));
        assertThat(e.getMessage(), containsString("previous_response_id"));
        byte[] audio = bytes("{\"model\":\"x\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}");
        assertThrows(GatewayException.class, () -> ResponsesToChatTranslation.of(audio, audio.length));
    }

    @Test
    void shouldAnswerAnIncompleteResponseWithFunctionCallsAndUsage() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"input\":\"hi\",\"temperature\":0.5}");
        byte[] answer = ResponsesToChatTranslation.of(in, in.length).response(bytes("{\"id\":\"c9\",\"created\":7,\"model\":\"g\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Par\",\"tool_calls\":[{\"id\":\"k\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":4,\"total_tokens\":14,\"prompt_tokens_details\":"
                + "{\"cached_tokens\":6},\"completion_tokens_details\":{\"reasoning_tokens\":2}}}"));
        JsonNode r = MAPPER.readTree(answer);
        assertThat(r.path("object").asText(), equalTo("response"));
        assertThat(r.path("status").asText(), equalTo("incomplete"));
        assertThat(r.at("/incomplete_details/reason").asText(), equalTo("max_output_tokens"));
        assertThat(r.at("/output/0/content/0/text").asText(), equalTo("Par"));
        assertThat(r.at("/output/1/type").asText() + r.at("/output/1/call_id").asText(), equalTo("function_callk"));
        assertThat(r.at("/usage/input_tokens_details/cached_tokens").asLong(), equalTo(6L));
        assertThat(r.at("/usage/output_tokens_details/reasoning_tokens").asLong(), equalTo(2L));
        assertThat(r.path("temperature").asDouble(), equalTo(0.5));
    }

    @Test
    void shouldEndAResponsesStreamFromAnthropicWithOneErrorEventWhenTheProviderFails() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"input\":\"hi\",\"stream\":true}");
        StreamTransform stream = ResponsesToMessagesTranslation.of(in, in.length).stream("anthropic");
        String out = stream.apply(io.vertx.core.buffer.Buffer.buffer(AnthropicToOpenAiTranslatorTest.event("message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":1}}}")
                + AnthropicToOpenAiTranslatorTest.event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}"))).toString();
        JsonNode error = null;
        for (String data : AnthropicToOpenAiTranslatorTest.data(io.vertx.core.buffer.Buffer.buffer(out))) {
            JsonNode event = MAPPER.readTree(data);
            if ("error".equals(event.path("type").asText())) {
                error = event;
            }
        }
        assertThat(error.path("message").asText(), equalTo("Provider \"anthropic\" failed during the stream: Overloaded"));
        assertThat(out.contains("response.completed"), equalTo(false));
    }
}
