package io.aigw.gateway.translate;

import static io.aigw.gateway.translate.ChatStreamFixtures.quote;
import static io.aigw.gateway.translate.ChatStreamFixtures.read;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Translation keeps the conversation's text and a stream's content, however it is written or cut. */
class TranslationPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 200)
    void everyTurnsTextSurvivesTheRequestTranslationInOrder(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 40) String> texts,
            @ForAll boolean startWithSystem) throws Exception {
        ObjectNode chat = MAPPER.createObjectNode().put("model", "m");
        ArrayNode messages = chat.putArray("messages");
        if (startWithSystem) {
            messages.addObject().put("role", "system").put("content", "sys");
        }
        for (int i = 0; i < texts.size(); i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", texts.get(i));
        }
        byte[] bytes = MAPPER.writeValueAsBytes(chat);
        JsonNode out = MAPPER.readTree(OpenAiToAnthropicTranslator.translate(bytes, bytes.length).forModel("c", Set.of()).getBytes());
        assertThat(out.path("messages").size(), equalTo(texts.size()));
        for (int i = 0; i < texts.size(); i++) {
            JsonNode turn = out.path("messages").get(i);
            assertThat(turn.path("role").asText(), equalTo(i % 2 == 0 ? "user" : "assistant"));
            assertThat(turn.path("content").get(0).path("text").asText(), equalTo(texts.get(i)));
        }
        assertThat(out.has("system"), equalTo(startWithSystem));
    }

    @Property(tries = 200)
    void aStreamsTextArrivesWholeHoweverItsBytesAreCut(@ForAll @Size(min = 1, max = 8) List<@StringLength(max = 12) String> pieces,
            @ForAll @IntRange(min = 1, max = 5) int eventsPerRead) {
        StringBuilder stream = new StringBuilder(AnthropicToOpenAiTranslatorTest.event("message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":1}}}"));
        for (String piece : pieces) {
            stream.append(AnthropicToOpenAiTranslatorTest.event("content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                            + quote(piece) + "}}"));
        }
        stream.append(AnthropicToOpenAiTranslatorTest.event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}"));
        stream.append(AnthropicToOpenAiTranslatorTest.event("message_stop", "{\"type\":\"message_stop\"}"));
        String[] events = stream.toString().split("(?<=\n\n)");
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(false, "anthropic");
        StringBuilder text = new StringBuilder();
        String last = null;
        for (int i = 0; i < events.length; i += eventsPerRead) {
            String read = String.join("", java.util.Arrays.copyOfRange(events, i, Math.min(events.length, i + eventsPerRead)));
            for (String data : AnthropicToOpenAiTranslatorTest.data(translator.apply(Buffer.buffer(read)))) {
                last = data;
                if (!data.equals("[DONE]")) {
                    text.append(read(data).at("/choices/0/delta/content").asText(""));
                }
            }
        }
        assertThat(text.toString(), equalTo(String.join("", pieces)));
        assertThat(last, equalTo("[DONE]"));
    }
}
