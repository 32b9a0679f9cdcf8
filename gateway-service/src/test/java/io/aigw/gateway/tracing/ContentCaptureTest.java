package io.aigw.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text content capture takes out of each provider's request and answer formats, and its bound. */
class ContentCaptureTest {

    private final ContentCapture capture = new ContentCapture(4096);

    private String input(String json) {
        return capture.input(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String output(int max, String... answers) {
        OutputText text = new OutputText(max);
        for (String answer : answers) {
            text.scan(answer);
        }
        return ContentCapture.output(text, List.of("stop"));
    }

    @Test
    void shouldTakeTheMessagesOfOpenAiChatInTheConventionsShape() {
        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"be brief\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"},{\"type\":\"text\",\"content\":\"there\"}]}]",
                input("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}},{\"type\":\"text\",\"text\":\"there\"}]}]}"));
    }

    @Test
    void shouldTakeAnthropicsSystemGeminisContentsAndResponsesInput() {
        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"rules\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"q\"}]}]",
                input("{\"system\":[{\"type\":\"text\",\"text\":\"rules\"}],\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}"));
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"g\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"}]}]",
                input("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"g\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"a\"}]}]}"));
        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"i\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"r\"}]}]",
                input("{\"instructions\":\"i\",\"input\":\"r\"}"));
        assertNull(input("{\"model\":\"m\"}"));
        assertNull(input("not json"));
    }

    @Test
    void shouldCutTheTextOfAllPartsTogetherAtTheBound() {
        ContentCapture small = new ContentCapture(5);
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"abc\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"de\"}]}]",
                small.input("{\"messages\":[{\"role\":\"user\",\"content\":\"abc\"},{\"role\":\"user\",\"content\":\"defgh\"},"
                        .concat("{\"role\":\"user\",\"content\":\"ijk\"}]}").getBytes(StandardCharsets.UTF_8)));
        assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hel\"}],\"finish_reason\":\"stop\"}]",
                output(3, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}"));
    }

    @Test
    void shouldTakeTheAnswerTextOfBodiesAndStreamsOfEachProvider() {
        String expected = "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello world\"}],\"finish_reason\":\"stop\"}]";
        assertEquals(expected, output(100, "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\" world\"}}]}\n\n", "data: [DONE]\n\n"));
        assertEquals(expected, output(100, "{\"content\":[{\"type\":\"text\",\"text\":\"Hello world\"}]}"));
        assertEquals(expected, output(100, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n",
                "event: content_block_delta\ndata: {\"delta\":{\"type\":\"text_delta\",\"text\":\" world\"}}\n\n"));
        assertEquals(expected, output(100, "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello world\"}]}}]}\n\n"));
        assertEquals(expected, output(100, "data: {\"type\":\"response.output_text.delta\",\"delta\":\"Hello\"}\n\n"
                + "data: {\"type\":\"response.output_text.delta\",\"delta\":\" world\"}\n\n"
                + "data: {\"type\":\"response.output_text.done\",\"text\":\"Hello world\"}\n\n"));
        assertEquals(expected, output(100, "{\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"Hello world\"}]}]}"));
        assertNull(output(100, "{\"error\":{\"message\":\"no\"}}"));
    }
}
