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

/** Gemini ↔ chat-completions: the conversation, function calls and their answers, finish reasons and usage survive. */
class GeminiRoundTripPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 200)
    void aGeminiConversationWithFunctionCallsArrivesInOrder(@ForAll @Size(min = 1, max = 5) List<@StringLength(max = 30) String> texts,
            @ForAll @IntRange(min = 0, max = 3) int callRounds, @ForAll @LongRange(min = -99, max = 99) long argument) throws Exception {
        ObjectNode in = MAPPER.createObjectNode();
        ArrayNode contents = in.putArray("contents");
        for (int i = 0; i < texts.size(); i++) {
            contents.addObject().put("role", "user").putArray("parts").addObject().put("text", texts.get(i));
            ArrayNode parts = contents.addObject().put("role", "model").putArray("parts");
            parts.addObject().put("text", "answer " + i);
            if (i < callRounds) {
                parts.addObject().putObject("functionCall").put("name", "f" + i).putObject("args").put("n", argument);
                contents.addObject().put("role", "user").putArray("parts").addObject().putObject("functionResponse")
                        .put("name", "f" + i).putObject("response").put("r", i);
            }
        }
        byte[] bytes = MAPPER.writeValueAsBytes(in);
        JsonNode chat = MAPPER.readTree(GeminiToChatTranslation.of(bytes, bytes.length).forModel("m", Set.of()).getBytes());
        JsonNode messages = chat.path("messages");
        int at = 0;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(messages.get(at++).at("/content/0/text").asText(), equalTo(texts.get(i)));
            JsonNode assistant = messages.get(at++);
            assertThat(assistant.path("content").asText(), equalTo("answer " + i));
            if (i < callRounds) {
                JsonNode call = assistant.at("/tool_calls/0");
                assertThat(call.at("/function/name").asText(), equalTo("f" + i));
                assertThat(MAPPER.readTree(call.at("/function/arguments").asText()).path("n").asLong(), equalTo(argument));
                JsonNode result = messages.get(at++);
                assertThat(result.path("role").asText(), equalTo("tool"));
                assertThat(result.path("tool_call_id").asText(), equalTo(call.path("id").asText()));
                assertThat(MAPPER.readTree(result.path("content").asText()).path("r").asInt(), equalTo(i));
            }
        }
        assertThat(messages.size(), equalTo(at));
    }

    @Property(tries = 200)
    void aChatAnswerArrivesAsOneGeminiCandidate(@ForAll @StringLength(min = 1, max = 40) String text,
            @ForAll @IntRange(min = 0, max = 3) int calls, @ForAll boolean cut, @ForAll @LongRange(min = 0, max = 9999) long prompt,
            @ForAll @LongRange(min = 0, max = 9999) long completion) throws Exception {
        ObjectNode chat = MAPPER.createObjectNode().put("id", "c").put("model", "g");
        ObjectNode choice = chat.putArray("choices").addObject().put("finish_reason", cut ? "length" : calls > 0 ? "tool_calls" : "stop");
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", text);
        for (int i = 0; i < calls; i++) {
            message.withArray("tool_calls").addObject().put("id", "k" + i).put("type", "function").putObject("function")
                    .put("name", "f" + i).put("arguments", "{\"i\":" + i + "}");
        }
        chat.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion);
        JsonNode gemini = ChatCompletionToGemini.translate(chat);
        JsonNode parts = gemini.at("/candidates/0/content/parts");
        assertThat(parts.get(0).path("text").asText(), equalTo(text));
        assertThat(parts.size(), equalTo(1 + calls));
        for (int i = 0; i < calls; i++) {
            assertThat(parts.get(1 + i).at("/functionCall/name").asText(), equalTo("f" + i));
            assertThat(parts.get(1 + i).at("/functionCall/args/i").asInt(), equalTo(i));
        }
        assertThat(gemini.at("/candidates/0/finishReason").asText(), equalTo(cut ? "MAX_TOKENS" : "STOP"));
        assertThat(gemini.at("/usageMetadata/promptTokenCount").asLong(), equalTo(prompt));
        assertThat(gemini.at("/usageMetadata/candidatesTokenCount").asLong(), equalTo(completion));
        assertThat(gemini.at("/usageMetadata/totalTokenCount").asLong(), equalTo(prompt + completion));
    }

    @Property(tries = 50)
    void openApiTypesAreLowerCasedAtEveryDepth(@ForAll @IntRange(min = 1, max = 6) int depth) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "OBJECT");
        ObjectNode inner = schema;
        for (int i = 0; i < depth; i++) {
            inner = inner.putObject("properties").putObject("p" + i).put("type", i % 2 == 0 ? "OBJECT" : "ARRAY");
        }
        String lowered = GeminiTools.lowerTypes(schema).toString();
        assertThat(lowered.contains("OBJECT") || lowered.contains("ARRAY"), equalTo(false));
    }
}
