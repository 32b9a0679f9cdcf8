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

/** OpenAI chat-completions → Responses (and Anthropic messages on through chat), request, answer and stream. */
class ChatToResponsesTranslationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String type, String fields) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}\n\n";
    }

    private static List<JsonNode> chunks(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String data : AnthropicToOpenAiTranslatorTest.data(Buffer.buffer(stream))) {
            out.add("[DONE]".equals(data) ? MAPPER.getNodeFactory().textNode("[DONE]") : MAPPER.readTree(data));
        }
        return out;
    }

    @Test
    void shouldTranslateMessagesToolsAndFormatAndNameWhatIsDropped() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"data:image/png;base64,AAAA\",\"detail\":\"low\"}}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"f\",\"arguments\":\"{}\"}},{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"g\","
                + "\"arguments\":\"{\\\"a\\\":1}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"one\"},"
                + "{\"role\":\"assistant\",\"content\":\"Done.\"},{\"role\":\"user\",\"content\":\"And?\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},\"parallel_tool_calls\":false,"
                + "\"max_completion_tokens\":99,\"stop\":[\"END\"],\"temperature\":0.2,\"top_p\":0.9,\"seed\":7,"
                + "\"reasoning_effort\":\"low\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"s\","
                + "\"schema\":{\"type\":\"object\"},\"strict\":true}}}");
        ChatToResponsesTranslation translation = ChatToResponsesTranslation.of(in, in.length);
        JsonNode r = MAPPER.readTree(translation.forModel("o1-pro", Set.of()).getBytes());

        assertThat(r.path("model").asText(), equalTo("o1-pro"));
        assertThat(r.path("instructions").asText(), equalTo("Be brief."));
        JsonNode input = r.path("input");
        assertThat(input.at("/0/content/0/type").asText() + input.at("/0/content/0/text").asText(), equalTo("input_textLook"));
        assertThat(input.at("/0/content/1/image_url").asText(), equalTo("data:image/png;base64,AAAA"));
        assertThat(input.at("/0/content/1/detail").asText(), equalTo("low"));
        assertThat(input.at("/1/type").asText() + input.at("/1/call_id").asText() + input.at("/1/name").asText(),
                equalTo("function_callc1f"));
        assertThat(input.at("/2/arguments").asText(), equalTo("{\"a\":1}"));
        assertThat(input.at("/3/type").asText() + input.at("/3/call_id").asText() + input.at("/3/output").asText(),
                equalTo("function_call_outputc1one"));
        assertThat(input.at("/4/role").asText() + input.at("/4/content/0/type").asText() + input.at("/4/content/0/text").asText(),
                equalTo("assistantoutput_textDone."));
        assertThat(input.at("/5/content").asText(), equalTo("And?"));
        assertThat(r.at("/tools/0/name").asText(), equalTo("f"));
        assertThat(r.at("/tools/0/strict").asBoolean(), equalTo(false));
        assertThat(r.at("/tool_choice/type").asText() + r.at("/tool_choice/name").asText(), equalTo("functionf"));
        assertThat(r.path("parallel_tool_calls").asBoolean(), equalTo(false));
        assertThat(r.path("max_output_tokens").asInt(), equalTo(99));
        assertThat(r.path("temperature").asDouble() + r.path("top_p").asDouble(), equalTo(0.2 + 0.9));
        assertThat(r.at("/reasoning/effort").asText(), equalTo("low"));
        assertThat(r.at("/text/format/type").asText() + r.at("/text/format/name").asText(), equalTo("json_schemas"));
        assertThat(r.at("/text/format/strict").asBoolean(), equalTo(true));
        assertThat(r.path("store").asBoolean(), equalTo(false));
        assertThat(r.has("stop"), equalTo(false));
        assertThat(translation.dropped(), contains("stop", "seed"));
    }

    @Test
    void shouldRefuseWhatResponsesCannotTake() {
        byte[] audio = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\","
                + "\"input_audio\":{\"data\":\"AA\",\"format\":\"wav\"}}]}]}");
        GatewayException e = assertThrows(GatewayException.class, () -> ChatToResponsesTranslation.of(audio, audio.length));
        assertThat(e.getMessage(), containsString("input_audio"));
        byte[] none = bytes("{\"model\":\"x\",\"messages\":[]}");
        assertThrows(GatewayException.class, () -> ChatToResponsesTranslation.of(none, none.length));
    }

    @Test
    void shouldAnswerAChatCompletionWithToolCallsLengthAndUsage() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        byte[] answer = ChatToResponsesTranslation.of(in, in.length).response(bytes("{\"id\":\"resp_9\",\"object\":\"response\","
                + "\"created_at\":7,\"model\":\"o1-pro\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":"
                + "\"max_output_tokens\"},\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]},"
                + "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"Par\",\"annotations\":[]}]},{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"k\","
                + "\"name\":\"f\",\"arguments\":\"{}\"}],\"usage\":{\"input_tokens\":10,\"input_tokens_details\":"
                + "{\"cached_tokens\":6},\"output_tokens\":4,\"output_tokens_details\":{\"reasoning_tokens\":2},"
                + "\"total_tokens\":14}}"));
        JsonNode chat = MAPPER.readTree(answer);
        assertThat(chat.path("object").asText(), equalTo("chat.completion"));
        assertThat(chat.path("id").asText() + chat.path("created").asLong() + chat.path("model").asText(), equalTo("resp_97o1-pro"));
        JsonNode choice = chat.at("/choices/0");
        assertThat(choice.at("/message/content").asText(), equalTo("Par"));
        assertThat(choice.at("/message/tool_calls/0/id").asText() + choice.at("/message/tool_calls/0/function/name").asText(),
                equalTo("kf"));
        assertThat(choice.path("finish_reason").asText(), equalTo("length"));
        assertThat(chat.at("/usage/prompt_tokens").asLong() + "/" + chat.at("/usage/completion_tokens").asLong(), equalTo("10/4"));
        assertThat(chat.at("/usage/prompt_tokens_details/cached_tokens").asLong(), equalTo(6L));
        assertThat(chat.at("/usage/completion_tokens_details/reasoning_tokens").asLong(), equalTo(2L));

        byte[] called = ChatToResponsesTranslation.of(in, in.length).response(bytes("{\"id\":\"r\",\"status\":\"completed\","
                + "\"output\":[{\"type\":\"function_call\",\"call_id\":\"k\",\"name\":\"f\",\"arguments\":\"{}\"}]}"));
        JsonNode calledChat = MAPPER.readTree(called);
        assertThat(calledChat.at("/choices/0/finish_reason").asText(), equalTo("tool_calls"));
        assertThat(calledChat.at("/choices/0/message/content").isNull(), equalTo(true));
    }

    @Test
    void shouldStreamTextAndFunctionCallArgumentsAsChatChunksWithUsageWhenAsked() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}");
        StreamTransform stream = ChatToResponsesTranslation.of(in, in.length).stream("openai");
        String response = "{\"id\":\"resp_1\",\"created_at\":5,\"model\":\"o1-pro\",\"status\":\"in_progress\",\"output\":[]}";
        String first = stream.apply(Buffer.buffer(event("response.created", "\"response\":" + response)
                + event("response.in_progress", "\"response\":" + response)
                + event("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"m\"}")
                + event("response.output_text.delta", "\"item_id\":\"m\",\"delta\":\"Hel\"")
                + event("response.output_text.delta", "\"item_id\":\"m\",\"delta\":\"lo\"")
                + event("response.output_item.added", "\"output_index\":1,\"item\":{\"type\":\"function_call\","
                        + "\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":\"\"}")
                + event("response.function_call_arguments.delta", "\"item_id\":\"fc_1\",\"delta\":\"{\\\"a\\\"\""))).toString();
        String rest = stream.apply(Buffer.buffer(
                event("response.function_call_arguments.delta", "\"item_id\":\"fc_1\",\"delta\":\":1}\"")
                + event("response.output_item.done", "\"item\":{\"type\":\"function_call\",\"id\":\"fc_1\","
                        + "\"arguments\":\"{\\\"a\\\":1}\"}")
                + event("response.completed", "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"usage\":"
                        + "{\"input_tokens\":3,\"output_tokens\":5,\"total_tokens\":8,\"input_tokens_details\":"
                        + "{\"cached_tokens\":1},\"output_tokens_details\":{\"reasoning_tokens\":0}}}"))).toString();
        List<JsonNode> chunks = chunks(first + rest);

        assertThat(chunks.get(0).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat(chunks.get(0).path("id").asText() + chunks.get(0).path("model").asText(), equalTo("resp_1o1-pro"));
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        for (JsonNode chunk : chunks) {
            JsonNode delta = chunk.at("/choices/0/delta");
            text.append(delta.path("content").asText(""));
            for (JsonNode call : delta.path("tool_calls")) {
                arguments.append(call.at("/function/arguments").asText(""));
                if (call.has("id")) {
                    assertThat(call.path("id").asText() + call.at("/function/name").asText(), equalTo("call_1f"));
                }
            }
            if (chunk.at("/choices/0/finish_reason").isTextual()) {
                finish = chunk.at("/choices/0/finish_reason").asText();
            }
        }
        assertThat(text.toString(), equalTo("Hello"));
        assertThat(arguments.toString(), equalTo("{\"a\":1}"));
        assertThat(finish, equalTo("tool_calls"));
        JsonNode usage = chunks.get(chunks.size() - 2);
        assertThat(usage.path("choices").size(), equalTo(0));
        assertThat(usage.at("/usage/total_tokens").asLong() + "/" + usage.at("/usage/prompt_tokens_details/cached_tokens").asLong(),
                equalTo("8/1"));
        assertThat(chunks.get(chunks.size() - 1).asText(), equalTo("[DONE]"));
    }

    @Test
    void shouldEndAChatStreamWithOneErrorEventWhenTheProviderFails() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
        StreamTransform stream = ChatToResponsesTranslation.of(in, in.length).stream("openai");
        String out = stream.apply(Buffer.buffer(event("response.created", "\"response\":{\"id\":\"r\",\"output\":[]}")
                + event("response.output_text.delta", "\"delta\":\"Hi\"")
                + event("error", "\"code\":\"server_error\",\"message\":\"The server had an error\",\"param\":null")
                + event("response.output_text.delta", "\"delta\":\"more\""))).toString();
        List<JsonNode> chunks = chunks(out);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/error/message").asText(), equalTo("Provider \"openai\" failed during the stream: The server had an error"));
        assertThat(out.contains("more"), equalTo(false));
        assertThat(out.contains("[DONE]"), equalTo(false));
        assertThat(out.contains("\"usage\""), equalTo(false));
    }

    @Test
    void shouldTranslateAnthropicMessagesThroughChatAndNameStopSequencesAsDropped() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"system\":\"Be brief.\",\"max_tokens\":50,\"stop_sequences\":[\"END\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
        Translation translation = MessagesToResponsesTranslation.of(in, in.length);
        assertThat(translation.dropped(), contains("stop_sequences"));
        JsonNode r = MAPPER.readTree(translation.forModel("o1-pro", Set.of()).getBytes());
        assertThat(r.path("instructions").asText() + r.path("max_output_tokens").asInt(), equalTo("Be brief.50"));

        String out = translation.stream("openai").apply(Buffer.buffer(event("response.created",
                "\"response\":{\"id\":\"r\",\"model\":\"o1-pro\",\"output\":[]}")
                + event("response.output_text.delta", "\"delta\":\"Hi\"")
                + event("response.incomplete", "\"response\":{\"id\":\"r\",\"status\":\"incomplete\",\"incomplete_details\":"
                        + "{\"reason\":\"max_output_tokens\"},\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}"))).toString();
        assertThat(out, containsString("event: message_start"));
        assertThat(out, containsString("\"text\":\"Hi\""));
        assertThat(out, containsString("\"stop_reason\":\"max_tokens\""));
        assertThat(out, containsString("event: message_stop"));
    }
}
