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
 * Round trips between chat-completions and Responses: a chat request → Responses → chat keeps what has a slot on both,
 * and a chat stream → Responses events → chat chunks keeps its text, arguments, finish reason and usage however cut.
 */
class ChatResponsesRoundTripPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 200)
    void aConversationWithToolsSurvivesChatToResponsesAndBack(@ForAll @Size(min = 1, max = 5) List<@StringLength(max = 30) String> texts,
            @ForAll @StringLength(min = 1, max = 20) String system, @ForAll @IntRange(min = 0, max = 3) int toolRounds,
            @ForAll @LongRange(min = -1000, max = 1000) long argument, @ForAll @IntRange(min = 1, max = 4000) int max)
            throws Exception {
        ObjectNode in = MAPPER.createObjectNode().put("model", "m").put("max_tokens", max).put("temperature", 0.5);
        ArrayNode messages = in.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        for (int i = 0; i < texts.size(); i++) {
            messages.addObject().put("role", "user").put("content", texts.get(i));
            ObjectNode assistant = messages.addObject().put("role", "assistant").put("content", "answer " + i);
            if (i < toolRounds) {
                assistant.putArray("tool_calls").addObject().put("id", "t" + i).put("type", "function")
                        .putObject("function").put("name", "f" + i).put("arguments", "{\"n\":" + argument + "}");
                messages.addObject().put("role", "tool").put("tool_call_id", "t" + i).put("content", "r" + i);
            }
        }
        in.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "f0")
                .putObject("parameters").put("type", "object");
        byte[] bytes = MAPPER.writeValueAsBytes(in);
        byte[] responses = ChatToResponsesTranslation.of(bytes, bytes.length).forModel("m", Set.of()).getBytes();
        JsonNode back = MAPPER.readTree(ResponsesToChatTranslation.of(responses, responses.length).forModel("m", Set.of())
                .getBytes());

        assertThat(back.path("max_tokens").asInt(), equalTo(max));
        assertThat(back.path("temperature").asDouble(), equalTo(0.5));
        assertThat(back.at("/tools/0/function/name").asText(), equalTo("f0"));
        JsonNode turns = back.path("messages");
        assertThat(turns.at("/0/role").asText() + turns.at("/0/content").asText(), equalTo("system" + system));
        int turn = 1;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(turns.get(turn++).path("content").asText(), equalTo(texts.get(i)));
            JsonNode assistant = turns.get(turn++);
            assertThat(assistant.path("content").asText(), equalTo("answer " + i));
            if (i < toolRounds) {
                assertThat(assistant.at("/tool_calls/0/id").asText(), equalTo("t" + i));
                assertThat(assistant.at("/tool_calls/0/function/name").asText(), equalTo("f" + i));
                assertThat(MAPPER.readTree(assistant.at("/tool_calls/0/function/arguments").asText()).path("n").asLong(),
                        equalTo(argument));
                JsonNode result = turns.get(turn++);
                assertThat(result.path("role").asText() + result.path("tool_call_id").asText() + result.path("content").asText(),
                        equalTo("toolt" + i + "r" + i));
            }
        }
        assertThat(turns.size(), equalTo(turn));
    }

    @Property(tries = 200)
    void aChatStreamsTextArgumentsAndUsageSurviveResponsesEventsAndBackHoweverCut(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(max = 10) String> pieces,
            @ForAll @Size(max = 4) List<@StringLength(max = 6) String> argumentPieces,
            @ForAll @IntRange(min = 1, max = 4) int eventsPerRead) {
        String[] chunks = chatStream(pieces, argumentPieces);
        ChatChunksToResponseEvents toResponses = new ChatChunksToResponseEvents(MAPPER.createObjectNode(), "p");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < chunks.length; i += eventsPerRead) {
            Buffer read = Buffer.buffer(String.join("", Arrays.copyOfRange(chunks, i, Math.min(chunks.length, i + eventsPerRead))));
            events.append(toResponses.apply(read).toString());
        }
        String[] responseEvents = events.toString().split("(?<=\n\n)");
        ResponseEventsToChatChunks toChat = new ResponseEventsToChatChunks(true, "p");
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        long completion = -1;
        boolean done = false;
        for (int i = 0; i < responseEvents.length; i += eventsPerRead) {
            Buffer read = Buffer.buffer(String.join("", Arrays.copyOfRange(responseEvents, i,
                    Math.min(responseEvents.length, i + eventsPerRead))));
            for (String data : AnthropicToOpenAiTranslatorTest.data(toChat.apply(read))) {
                if (data.equals("[DONE]")) {
                    done = true;
                    continue;
                }
                JsonNode chunk = read(data);
                text.append(chunk.at("/choices/0/delta/content").asText(""));
                arguments.append(chunk.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""));
                if (chunk.at("/choices/0/finish_reason").isTextual()) {
                    finish = chunk.at("/choices/0/finish_reason").asText();
                }
                if (chunk.path("usage").isObject()) {
                    completion = chunk.at("/usage/completion_tokens").asLong();
                }
            }
        }
        assertThat(text.toString(), equalTo(String.join("", pieces)));
        assertThat(arguments.toString(), equalTo(String.join("", argumentPieces)));
        assertThat(finish, equalTo(argumentPieces.isEmpty() ? "stop" : "tool_calls"));
        assertThat(completion, equalTo(3L));
        assertThat(done, equalTo(true));
    }
}
