package io.aigw.gateway.translate;

import static io.aigw.gateway.translate.ChatStreamFixtures.chatStream;
import static io.aigw.gateway.translate.ChatStreamFixtures.quote;
import static io.aigw.gateway.translate.ChatStreamFixtures.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Round trips through translator pairs: what has a slot on both surfaces survives. Anthropic messages → chat →
 * Anthropic (requests), chat answers → Anthropic → chat, and chat streams through the Anthropic and Responses
 * event sequences, however the stream is cut.
 */
class RoundTripPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 200)
    void aConversationWithToolsSurvivesMessagesToChatAndBack(@ForAll @Size(min = 1, max = 5) List<@StringLength(max = 30) String> texts,
            @ForAll @StringLength(max = 20) String system, @ForAll @IntRange(min = 0, max = 3) int toolRounds,
            @ForAll @LongRange(min = -1000, max = 1000) long argument) throws Exception {
        ObjectNode in = MAPPER.createObjectNode().put("model", "m").put("max_tokens", 50).put("system", system);
        ArrayNode messages = in.putArray("messages");
        for (int i = 0; i < texts.size(); i++) {
            messages.addObject().put("role", "user").put("content", texts.get(i));
            ArrayNode blocks = messages.addObject().put("role", "assistant").putArray("content");
            blocks.addObject().put("type", "text").put("text", "answer " + i);
            if (i < toolRounds) {
                blocks.addObject().put("type", "tool_use").put("id", "t" + i).put("name", "f" + i)
                        .putObject("input").put("n", argument);
                messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                        .put("tool_use_id", "t" + i).put("content", "r" + i);
            }
        }
        byte[] bytes = MAPPER.writeValueAsBytes(in);
        byte[] chat = MessagesToChatTranslation.of(bytes, bytes.length).forModel("m", Set.of()).getBytes();
        JsonNode back = MAPPER.readTree(OpenAiToAnthropicTranslator.translate(chat, chat.length).forModel("m", Set.of()).getBytes());

        assertThat(back.at("/system/0/text").asText(), equalTo(system));
        JsonNode turns = back.path("messages");
        int turn = 0;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode user = turns.get(turn++);
            String userText = i > 0 && i - 1 < toolRounds ? user.at("/content/1/text").asText() : user.at("/content/0/text").asText();
            assertThat(userText, equalTo(texts.get(i)));
            JsonNode assistant = turns.get(turn++);
            assertThat(assistant.at("/content/0/text").asText(), equalTo("answer " + i));
            if (i < toolRounds) {
                assertThat(assistant.at("/content/1/id").asText(), equalTo("t" + i));
                assertThat(assistant.at("/content/1/name").asText(), equalTo("f" + i));
                assertThat(assistant.at("/content/1/input/n").asLong(), equalTo(argument));
                JsonNode result = turns.get(turn).at("/content/0");
                assertThat(result.path("tool_use_id").asText(), equalTo("t" + i));
                assertThat(result.at("/content/0/text").asText(), equalTo("r" + i));
                if (i == texts.size() - 1) {
                    turn++;
                }
            }
        }
        assertThat(turns.size(), equalTo(turn));
    }

    @Property(tries = 200)
    void aChatAnswerSurvivesAnthropicAndBack(@ForAll @StringLength(max = 40) String text, @ForAll @IntRange(min = 0, max = 3) int calls,
            @ForAll @IntRange(min = 0, max = 2) int finish, @ForAll @LongRange(min = 0, max = 100000) long prompt,
            @ForAll @LongRange(min = 0, max = 100000) long cached, @ForAll @LongRange(min = 0, max = 100000) long completion)
            throws Exception {
        String reason = calls > 0 ? "tool_calls" : List.of("stop", "length", "content_filter").get(finish);
        ObjectNode chat = MAPPER.createObjectNode().put("id", "c1").put("object", "chat.completion").put("model", "g");
        ObjectNode choice = chat.putArray("choices").addObject().put("index", 0).put("finish_reason", reason);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", text);
        for (int i = 0; i < calls; i++) {
            message.withArray("tool_calls").addObject().put("id", "call" + i).put("type", "function").putObject("function")
                    .put("name", "f" + i).put("arguments", "{\"i\":" + i + "}");
        }
        long total = Math.max(prompt, cached);
        chat.putObject("usage").put("prompt_tokens", total).put("completion_tokens", completion)
                .putObject("prompt_tokens_details").put("cached_tokens", cached);

        JsonNode back = MAPPER.readTree(AnthropicToOpenAiTranslator.response(
                ChatCompletionToMessage.translate(MAPPER.writeValueAsBytes(chat))));
        JsonNode m = back.at("/choices/0/message");
        assertThat(m.path("content").isNull() ? "" : m.path("content").asText(), equalTo(text));
        assertThat(back.at("/choices/0/finish_reason").asText(), equalTo(reason));
        assertThat(m.path("tool_calls").size(), equalTo(calls));
        for (int i = 0; i < calls; i++) {
            assertThat(m.at("/tool_calls/" + i + "/id").asText(), equalTo("call" + i));
            assertThat(MAPPER.readTree(m.at("/tool_calls/" + i + "/function/arguments").asText()).path("i").asInt(), equalTo(i));
        }
        assertThat(back.at("/usage/prompt_tokens").asLong(), equalTo(total));
        assertThat(back.at("/usage/prompt_tokens_details/cached_tokens").asLong(), equalTo(cached));
        assertThat(back.at("/usage/completion_tokens").asLong(), equalTo(completion));
    }

    @Property(tries = 200)
    void aChatStreamsTextAndArgumentsSurviveAnthropicEventsAndBackHoweverCut(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(max = 10) String> pieces,
            @ForAll @Size(max = 4) List<@StringLength(max = 6) String> argumentPieces,
            @ForAll @IntRange(min = 1, max = 4) int eventsPerRead) {
        String[] chunks = chatStream(pieces, argumentPieces);
        ChatChunksToMessageEvents toAnthropic = new ChatChunksToMessageEvents("p");
        AnthropicStreamTranslator toChat = new AnthropicStreamTranslator(true, "p");
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        for (int i = 0; i < chunks.length; i += eventsPerRead) {
            Buffer read = Buffer.buffer(String.join("", Arrays.copyOfRange(chunks, i, Math.min(chunks.length, i + eventsPerRead))));
            for (String data : AnthropicToOpenAiTranslatorTest.data(toChat.apply(toAnthropic.apply(read)))) {
                if (!data.equals("[DONE]")) {
                    JsonNode chunk = read(data);
                    text.append(chunk.at("/choices/0/delta/content").asText(""));
                    arguments.append(chunk.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""));
                    if (chunk.at("/choices/0/finish_reason").isTextual()) {
                        finish = chunk.at("/choices/0/finish_reason").asText();
                    }
                }
            }
        }
        assertThat(text.toString(), equalTo(String.join("", pieces)));
        assertThat(arguments.toString(), equalTo(String.join("", argumentPieces)));
        assertThat(finish, equalTo(argumentPieces.isEmpty() ? "stop" : "tool_calls"));
    }

    @Property(tries = 200)
    void aChatStreamsTextArrivesAsResponsesDeltasAndInTheCompletedResponse(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(max = 10) String> pieces,
            @ForAll @IntRange(min = 1, max = 4) int eventsPerRead) {
        String[] chunks = chatStream(pieces, List.of());
        ChatChunksToResponseEvents toResponses = new ChatChunksToResponseEvents(MAPPER.createObjectNode(), "p");
        StringBuilder deltas = new StringBuilder();
        JsonNode completed = null;
        int sequence = 0;
        for (int i = 0; i < chunks.length; i += eventsPerRead) {
            Buffer read = Buffer.buffer(String.join("", Arrays.copyOfRange(chunks, i, Math.min(chunks.length, i + eventsPerRead))));
            for (String data : AnthropicToOpenAiTranslatorTest.data(toResponses.apply(read))) {
                JsonNode event = read(data);
                assertThat(event.path("sequence_number").asInt(), equalTo(sequence++));
                if ("response.output_text.delta".equals(event.path("type").asText())) {
                    deltas.append(event.path("delta").asText());
                } else if ("response.completed".equals(event.path("type").asText())) {
                    completed = event.path("response");
                }
            }
        }
        String whole = String.join("", pieces);
        assertThat(deltas.toString(), equalTo(whole));
        JsonNode output = completed.at("/output/0/content/0/text");
        assertThat(output.isMissingNode() ? "" : output.asText(), equalTo(whole));
        assertThat(completed.at("/usage/output_tokens").asLong(), equalTo(3L));
    }
}
