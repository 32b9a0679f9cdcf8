package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.routing.Surface;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A translated stream whose upstream ends cleanly without its own end: every (client → provider) pair ends the
 * client's stream when the upstream's body ends ({@link StreamTransform#finish}) — with the client surface's error event
 * when the upstream never said how it finished (a cut answer), with the surface's normal end when it did and only left
 * out its last event (`message_stop`, `[DONE]`).
 */
class StreamEndTest {

    private static final List<Surface> SURFACES = List.of(Surface.CHAT_COMPLETIONS, Surface.MESSAGES, Surface.RESPONSES,
            Surface.GENERATE_CONTENT);
    private static final Map<Surface, String> REQUESTS = Map.of(
            Surface.CHAT_COMPLETIONS, "{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            Surface.MESSAGES, "{\"model\":\"x\",\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            Surface.RESPONSES, "{\"model\":\"x\",\"stream\":true,\"input\":\"hi\"}",
            Surface.GENERATE_CONTENT, "{\"model\":\"x\",\"stream\":true,\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}");

    /** Each provider surface's stream of the text "Hi", cut before the upstream says how it finished. */
    private static final Map<Surface, List<String>> CUT = Map.of(
            Surface.CHAT_COMPLETIONS, List.of(
                    "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                            + "\"finish_reason\":null}]}\n\n",
                    "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"),
            Surface.MESSAGES, List.of(
                    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"m\","
                            + "\"usage\":{\"input_tokens\":3,\"output_tokens\":0}}}\n\n",
                    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                            + "{\"type\":\"text\",\"text\":\"\"}}\n\n",
                    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                            + "{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"),
            Surface.RESPONSES, List.of(
                    "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\","
                            + "\"object\":\"response\",\"model\":\"m\",\"status\":\"in_progress\",\"output\":[]}}\n\n",
                    "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\","
                            + "\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}\n\n"),
            Surface.GENERATE_CONTENT, List.of(
                    "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"index\":0}],"
                            + "\"modelVersion\":\"m\",\"responseId\":\"r\"}\r\n\r\n"));

    /** The provider surfaces whose stream has a last event after its finish: the finish sent, that last event left out. */
    private static final Map<Surface, String> FINISHED = Map.of(
            Surface.CHAT_COMPLETIONS, "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},"
                    + "\"finish_reason\":\"stop\"}]}\n\n",
            Surface.MESSAGES, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                    + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":1}}\n\n");

    private static Translation translation(Surface client, Surface provider) {
        byte[] body = REQUESTS.get(client).getBytes(StandardCharsets.UTF_8);
        return Translations.of(client, provider, body, body.length);
    }

    /** What the client gets: each upstream event as its own read, then what the transform adds at the upstream's end. */
    private static String relay(StreamTransform stream, List<String> events) {
        StringBuilder out = new StringBuilder();
        for (String event : events) {
            out.append(stream.apply(Buffer.buffer(event)).toString(StandardCharsets.UTF_8));
        }
        Buffer end = stream.finish();
        if (end != null) {
            out.append(end.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static List<JsonNode> data(String sse) {
        List<JsonNode> out = new ArrayList<>();
        SseEvents.forEach(Buffer.buffer(sse), (name, data) -> {
            if (!"[DONE]".equals(data.trim())) {
                out.add(ChatStreamFixtures.read(data));
            }
        });
        return out;
    }

    /** Whether the client's stream holds an error event (Anthropic's and Responses' named `error`, OpenAI's and Google's envelope). */
    private static boolean errorEvent(String sse) {
        return sse.contains("event: error") || sse.contains("data: {\"error\"");
    }

    @Test
    void shouldEndEveryTranslatedStreamWithTheClientsErrorEventWhenTheUpstreamStopsBeforeItsFinish() {
        for (Surface client : SURFACES) {
            for (Surface provider : SURFACES) {
                if (client == provider) {
                    continue;
                }
                String pair = client.id() + " <- " + provider.id() + ": ";
                String out = relay(translation(client, provider).stream("sim"), CUT.get(provider));
                List<JsonNode> events = data(out);
                assertThat(pair + out, out, containsString("Hi"));
                JsonNode last = events.get(events.size() - 1);
                String message = switch (client) {
                    case MESSAGES -> last.at("/error/message").asText();
                    case RESPONSES -> last.path("message").asText();
                    default -> last.at("/error/message").asText();
                };
                assertThat(pair + out, message, containsString("Provider \"sim\" failed during the stream"));
                assertThat(pair + out, message, containsString("ended without"));
                assertThat(pair + out, out, not(containsString("[DONE]")));
                assertThat(pair + out, out, not(containsString("\"type\":\"message_stop\"")));
                assertThat(pair + out, out, not(containsString("\"type\":\"response.completed\"")));
                assertThat(pair + out, out, not(containsString("\"finishReason\"")));
                if (client == Surface.MESSAGES || client == Surface.RESPONSES) {
                    assertThat(pair + out, out, containsString("event: error"));
                }
            }
        }
    }

    @Test
    void shouldEndTheStreamNormallyWhenTheUpstreamFinishedAndOnlyLeftOutItsLastEvent() {
        for (Surface client : SURFACES) {
            for (Surface provider : FINISHED.keySet()) {
                if (client == provider) {
                    continue;
                }
                String pair = client.id() + " <- " + provider.id() + ": ";
                List<String> events = new ArrayList<>(CUT.get(provider));
                events.add(FINISHED.get(provider));
                String out = relay(translation(client, provider).stream("sim"), events);
                List<JsonNode> data = data(out);
                JsonNode last = data.get(data.size() - 1);
                assertThat(pair + out, errorEvent(out), equalTo(false));
                switch (client) {
                    case CHAT_COMPLETIONS -> {
                        assertThat(pair + out, out, endsWith("data: [DONE]\n\n"));
                        assertThat(pair + out, data.get(data.size() - 2).at("/choices/0/finish_reason").asText(), equalTo("stop"));
                    }
                    case MESSAGES -> {
                        assertThat(pair + out, last.path("type").asText(), equalTo("message_stop"));
                        assertThat(pair + out, out, containsString("\"stop_reason\":\"end_turn\""));
                    }
                    case RESPONSES -> assertThat(pair + out, last.path("type").asText(), equalTo("response.completed"));
                    default -> assertThat(pair + out, last.at("/candidates/0/finishReason").asText(), equalTo("STOP"));
                }
            }
        }
    }

    @Test
    void shouldAddNothingAtTheEndOfAStreamThatEndedItself() {
        String gemini = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\",\"index\":0}],\"responseId\":\"r\"}\r\n\r\n";
        for (Surface client : List.of(Surface.CHAT_COMPLETIONS, Surface.MESSAGES, Surface.RESPONSES)) {
            StreamTransform stream = translation(client, Surface.GENERATE_CONTENT).stream("sim");
            String out = stream.apply(Buffer.buffer(gemini)).toString(StandardCharsets.UTF_8);
            assertThat(out, errorEvent(out), equalTo(false));
            Buffer end = stream.finish();
            assertThat(client.id(), end == null ? 0 : end.length(), equalTo(0));
        }
    }

    @Test
    void shouldPutTheErrorOfACutStreamInsideAGeminiJsonArrayBeforeItCloses() {
        GeminiJsonArrayStream array = new GeminiJsonArrayStream(translation(Surface.GENERATE_CONTENT, Surface.CHAT_COMPLETIONS)
                .stream("sim"));
        String out = relay(array, CUT.get(Surface.CHAT_COMPLETIONS)) + array.close().toString(StandardCharsets.UTF_8);
        JsonNode elements = ChatStreamFixtures.read(out);
        assertThat(out, elements.isArray(), equalTo(true));
        assertThat(out, elements.get(0).at("/candidates/0/content/parts/0/text").asText(), equalTo("Hi"));
        assertThat(out, elements.get(elements.size() - 1).at("/error/message").asText(), containsString("ended without"));
        assertThat(out, elements.get(elements.size() - 1).at("/error/status").isTextual(), equalTo(true));
    }
}
