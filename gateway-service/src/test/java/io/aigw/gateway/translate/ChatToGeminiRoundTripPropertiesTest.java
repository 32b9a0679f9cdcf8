package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * chat-completions → Gemini and back: a chat conversation sent to Gemini and read back as chat (through the
 * Gemini-client translation) keeps its texts, calls, ids and results; a Gemini answer read as chat and written back
 * as Gemini keeps its text, calls and usage.
 */
class ChatToGeminiRoundTripPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 200)
    void aChatConversationWithParallelCallsSurvivesGeminiAndBack(
            @ForAll @Size(min = 1, max = 4) List<@StringLength(min = 1, max = 30) String> texts,
            @ForAll @IntRange(min = 0, max = 3) int parallel, @ForAll @LongRange(min = -99, max = 99) long argument)
            throws Exception {
        ObjectNode in = MAPPER.createObjectNode().put("model", "m").put("max_tokens", 77);
        ArrayNode messages = in.putArray("messages");
        messages.addObject().put("role", "system").put("content", "sys");
        for (int i = 0; i < texts.size(); i++) {
            messages.addObject().put("role", "user").put("content", texts.get(i));
            ObjectNode assistant = messages.addObject().put("role", "assistant").put("content", "answer " + i);
            for (int k = 0; k < parallel; k++) {
                assistant.withArray("tool_calls").addObject().put("id", "c" + i + "_" + k).put("type", "function")
                        .putObject("function").put("name", "f" + k).put("arguments", "{\"n\":" + argument + "}");
            }
            for (int k = 0; k < parallel; k++) {
                messages.addObject().put("role", "tool").put("tool_call_id", "c" + i + "_" + k).put("content", "{\"r\":" + k + "}");
            }
        }
        byte[] chat = MAPPER.writeValueAsBytes(in);
        byte[] gemini = ChatToGeminiTranslation.of(chat, chat.length).forModel("m", Set.of()).getBytes();
        JsonNode back = MAPPER.readTree(GeminiToChatTranslation.of(gemini, gemini.length).forModel("m", Set.of()).getBytes());
        assertThat(back.path("max_tokens").asInt(), equalTo(77));
        JsonNode out = back.path("messages");
        int at = 0;
        assertThat(out.get(at++).path("content").asText(), equalTo("sys"));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(out.get(at++).at("/content/0/text").asText(), equalTo(texts.get(i)));
            JsonNode assistant = out.get(at++);
            assertThat(assistant.path("content").asText(), equalTo("answer " + i));
            for (int k = 0; k < parallel; k++) {
                JsonNode call = assistant.path("tool_calls").get(k);
                assertThat(call.path("id").asText(), equalTo("c" + i + "_" + k));
                assertThat(MAPPER.readTree(call.at("/function/arguments").asText()).path("n").asLong(), equalTo(argument));
            }
            for (int k = 0; k < parallel; k++) {
                JsonNode result = out.get(at++);
                assertThat(result.path("tool_call_id").asText(), equalTo("c" + i + "_" + k));
                assertThat(MAPPER.readTree(result.path("content").asText()).path("r").asInt(), equalTo(k));
            }
        }
        assertThat(out.size(), equalTo(at));
    }

    @Property(tries = 200)
    void aGeminiAnswerReadAsChatWritesBackTheSame(@ForAll @StringLength(min = 1, max = 40) String text,
            @ForAll @IntRange(min = 0, max = 3) int calls, @ForAll boolean cut, @ForAll @LongRange(min = 0, max = 9999) long prompt,
            @ForAll @LongRange(min = 0, max = 9999) long candidates, @ForAll @LongRange(min = 0, max = 99) long thoughts)
            throws Exception {
        ObjectNode gemini = MAPPER.createObjectNode().put("responseId", "r").put("modelVersion", "g");
        ObjectNode candidate = gemini.putArray("candidates").addObject().put("finishReason", cut ? "MAX_TOKENS" : "STOP");
        ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
        parts.addObject().put("text", text);
        for (int i = 0; i < calls; i++) {
            parts.addObject().putObject("functionCall").put("id", "k" + i).put("name", "f" + i).putObject("args").put("i", i);
        }
        gemini.putObject("usageMetadata").put("promptTokenCount", prompt).put("candidatesTokenCount", candidates)
                .put("thoughtsTokenCount", thoughts).put("totalTokenCount", prompt + candidates + thoughts);
        JsonNode chat = MAPPER.readTree(GeminiToChatCompletion.translate(MAPPER.writeValueAsBytes(gemini)));
        JsonNode again = ChatCompletionToGemini.translate(chat);
        JsonNode out = again.at("/candidates/0/content/parts");
        assertThat(out.get(0).path("text").asText(), equalTo(text));
        assertThat(out.size(), equalTo(1 + calls));
        for (int i = 0; i < calls; i++) {
            assertThat(out.get(1 + i).at("/functionCall/id").asText(), equalTo("k" + i));
            assertThat(out.get(1 + i).at("/functionCall/args/i").asInt(), equalTo(i));
        }
        assertThat(again.at("/candidates/0/finishReason").asText(), equalTo(cut ? "MAX_TOKENS" : "STOP"));
        assertThat(again.at("/usageMetadata/promptTokenCount").asLong(), equalTo(prompt));
        assertThat(again.at("/usageMetadata/candidatesTokenCount").asLong(), equalTo(candidates));
        assertThat(again.at("/usageMetadata/thoughtsTokenCount").asLong(0), equalTo(thoughts));
    }
}
