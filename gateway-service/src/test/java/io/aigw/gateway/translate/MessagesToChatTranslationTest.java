package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Anthropic messages → chat-completions, request, answer and stream, without a server. */
class MessagesToChatTranslationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode request(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return MAPPER.readTree(MessagesToChatTranslation.of(bytes, bytes.length).forModel("m", Set.of()).getBytes());
    }

    @Test
    void shouldPutToolResultsBeforeTheUsersTextAndKeepParallelToolUses() throws Exception {
        JsonNode chat = request("{\"model\":\"x\",\"max_tokens\":10,\"system\":[{\"type\":\"text\",\"text\":\"A\"},"
                + "{\"type\":\"text\",\"text\":\"B\"}],\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"s\"},"
                + "{\"type\":\"text\",\"text\":\"Calling.\"},{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\",\"input\":{\"a\":1}},"
                + "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"g\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"one\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"t2\",\"is_error\":true,\"content\":[{\"type\":\"text\",\"text\":\"bad\"}]},"
                + "{\"type\":\"text\",\"text\":\"go on\"}]}],"
                + "\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}},{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                + "\"tool_choice\":{\"type\":\"any\",\"disable_parallel_tool_use\":true}}");
        JsonNode m = chat.path("messages");
        assertThat(m.at("/0/content").asText(), equalTo("AB"));
        assertThat(m.at("/2/content").asText(), equalTo("Calling."));
        assertThat(m.at("/2/tool_calls/0/function/arguments").asText(), equalTo("{\"a\":1}"));
        assertThat(m.at("/2/tool_calls/1/id").asText(), equalTo("t2"));
        assertThat(m.at("/3/role").asText() + m.at("/3/tool_call_id").asText() + m.at("/3/content").asText(), equalTo("toolt1one"));
        assertThat(m.at("/4/tool_call_id").asText() + m.at("/4/content").asText(), equalTo("t2Error: bad"));
        assertThat(m.at("/5/role").asText() + m.at("/5/content/0/text").asText(), equalTo("usergo on"));
        assertThat(chat.path("tools").size(), equalTo(1));
        assertThat(chat.path("tool_choice").asText(), equalTo("required"));
        assertThat(chat.path("parallel_tool_calls").asBoolean(true), equalTo(false));
    }

    @Test
    void shouldListWhatHasNoChatSlot() {
        byte[] bytes = ("{\"model\":\"x\",\"max_tokens\":10,\"top_k\":3,\"service_tier\":\"auto\",\"messages\":[{\"role\":"
                + "\"assistant\",\"content\":[{\"type\":\"redacted_thinking\",\"data\":\"z\"}]}],"
                + "\"tools\":[{\"type\":\"bash_20250124\",\"name\":\"bash\"}]}").getBytes(StandardCharsets.UTF_8);
        assertThat(MessagesToChatTranslation.of(bytes, bytes.length).dropped(), contains("top_k", "service_tier",
                "messages[].content[].redacted_thinking", "tools[].bash_20250124"));
    }

    @Test
    void shouldRefuseADocumentBlock() {
        byte[] bytes = ("{\"model\":\"x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/y.pdf\"}}]}]}").getBytes(StandardCharsets.UTF_8);
        GatewayException e = assertThrows(GatewayException.class, () -> MessagesToChatTranslation.of(bytes, bytes.length));
        assertThat(e.getMessage(), containsString("document"));
    }

    @Test
    void shouldAnswerWithToolUseBlocksAndCachedTokensSplitOut() throws Exception {
        byte[] message = ChatCompletionToMessage.translate(("{\"id\":\"chatcmpl-1\",\"model\":\"gpt\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Sure.\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":2}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":7,\"total_tokens\":107,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":60}}}").getBytes(StandardCharsets.UTF_8));
        JsonNode m = MAPPER.readTree(message);
        assertThat(m.path("id").asText(), equalTo("msg_chatcmpl-1"));
        assertThat(m.at("/content/0/text").asText(), equalTo("Sure."));
        assertThat(m.at("/content/1/type").asText() + m.at("/content/1/input/x").asInt(), equalTo("tool_use2"));
        assertThat(m.path("stop_reason").asText(), equalTo("tool_use"));
        assertThat(m.at("/usage/input_tokens").asLong(), equalTo(40L));
        assertThat(m.at("/usage/cache_read_input_tokens").asLong(), equalTo(60L));
        assertThat(m.at("/usage/output_tokens").asLong(), equalTo(7L));
    }

    @Test
    void shouldStreamTextThenATool() throws Exception {
        String chunks = "data: {\"id\":\"c\",\"model\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
                + "data: {\"id\":\"c\",\"model\":\"g\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}\n\n";
        ChatChunksToMessageEvents stream = new ChatChunksToMessageEvents("p");
        String first = stream.apply(Buffer.buffer(chunks)).toString();
        String rest = stream.apply(Buffer.buffer("data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
                + "\"completion_tokens\":3}}\n\ndata: [DONE]\n\n")).toString();
        List<String> types = new ArrayList<>();
        for (String line : (first + rest).split("\n")) {
            if (line.startsWith("data: ")) {
                JsonNode event = MAPPER.readTree(line.substring(6));
                types.add(event.path("type").asText() + (event.has("index") ? event.path("index").asInt() : ""));
            }
        }
        assertThat(types, contains("message_start", "content_block_start0", "content_block_delta0", "content_block_stop0",
                "content_block_start1", "content_block_delta1", "content_block_stop1", "message_delta", "message_stop"));
        assertThat(rest, containsString("\"stop_reason\":\"tool_use\""));
        assertThat(rest, containsString("\"input_tokens\":5"));
        assertThat(rest, containsString("\"output_tokens\":3"));
    }
}
