package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.toolName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.provider.StreamKeyMask;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.translate.ChatChunksToGeminiChunks;
import io.aigw.gateway.translate.ChatChunksToResponseEvents;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Response rules on the Responses and Gemini surfaces: non-streamed answers, and streams as the translators produce
 * them from chat chunks whose tool-call arguments arrive in small deltas.
 */
class ResponsesAndGeminiToolCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Firewall NO_SHELL = enforce(toolName("no-shell", "hardDeny", "shell.*"));

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static String call(int index, String name, String piece) {
        return "{\"tool_calls\":[{\"index\":" + index + (name == null ? "" : ",\"id\":\"call_" + index
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}")
                + (name == null ? ",\"function\":{\"arguments\":\"" + piece + "\"}" : "") + "}]}";
    }

    /** Text, a blocked shell.exec call and an allowed get_weather call, arguments in small deltas. */
    private static final String[] CHAT_STREAM = {chunk("{\"role\":\"assistant\",\"content\":\"On it.\"}", "null"),
        chunk(call(0, "shell.exec", null), "null"), chunk(call(0, null, "{\\\"cmd\\\""), "null"),
        chunk(call(0, null, ":\\\"ls\\\"}"), "null"), chunk(call(1, "get_weather", null), "null"),
        chunk(call(1, null, "{\\\"city\\\":"), "null"), chunk(call(1, null, "\\\"Oslo\\\"}"), "null"),
        chunk("{}", "\"tool_calls\""), "data: [DONE]\n\n"};

    private static List<JsonNode> data(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: {")) {
                out.add(JSON.readTree(line.substring(6)));
            }
        }
        return out;
    }

    @Test
    void shouldReplaceABlockedFunctionCallInAResponsesStreamByANoteMessage() throws Exception {
        List<Finding> findings = new ArrayList<>();
        JsonNode request = JSON.readTree("{\"model\":\"m\",\"input\":\"list files\"}");
        String out = FirewallFixtures.stream(new ResponsesToolCallStreamFilter(ToolCallCheck.of(NO_SHELL), new ChatChunksToResponseEvents(request, "openai"),
                findings::addAll), CHAT_STREAM);
        List<JsonNode> events = data(out);
        assertTrue(out.contains("On it."), "text is never held back");
        assertFalse(out.contains("\"name\":\"shell.exec\""), out);
        assertFalse(out.contains("\\\"ls\\\""), out);
        assertTrue(out.contains("\"name\":\"get_weather\""), "the allowed call goes out");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).path("sequence_number").asInt(), "numbers stay consecutive: " + out);
        }
        JsonNode completed = events.get(events.size() - 1);
        assertEquals("response.completed", completed.path("type").asText());
        JsonNode output = completed.path("response").path("output");
        assertEquals(3, output.size(), output.toString());
        assertEquals("message", output.get(1).path("type").asText(), "the note takes the call's place");
        assertTrue(output.get(1).at("/content/0/text").asText()
                .startsWith("[AIGW firewall] The tool call \"shell.exec\" was blocked by firewall policy \"test-policy\" rule \"no-shell\""));
        assertEquals("get_weather", output.get(2).path("name").asText());
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("response.output_text.delta")
                && e.path("delta").asText().contains("rule \"no-shell\"")), "stream readers see the note as text");
        assertEquals(1, findings.stream().filter(f -> f.action() == Action.BLOCK).count());
    }

    @Test
    void shouldPassAResponsesStreamWithoutFunctionCallsByteForByte() {
        String[] events = {"event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0}\n\n",
            "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"delta\":\"hi\"}\n\n"};
        assertEquals(String.join("", events), FirewallFixtures.stream(new ResponsesToolCallStreamFilter(ToolCallCheck.of(NO_SHELL), null, f -> { }), events));
    }

    @Test
    void shouldReplaceABlockedFunctionCallInAGeminiStreamByATextPart() throws Exception {
        List<Finding> findings = new ArrayList<>();
        String out = FirewallFixtures.stream(new GeminiToolCallStreamFilter(ToolCallCheck.of(NO_SHELL), new ChatChunksToGeminiChunks("openai"), findings::addAll),
                CHAT_STREAM);
        assertTrue(out.contains("On it."));
        assertFalse(out.contains("\"name\":\"shell.exec\""), out);
        assertTrue(out.contains("\"name\":\"get_weather\""), out);
        JsonNode last = data(out).get(data(out).size() - 1);
        JsonNode parts = last.at("/candidates/0/content/parts");
        assertTrue(parts.toString().contains("rule \\\"no-shell\\\""), parts.toString());
        assertEquals(1, findings.stream().filter(f -> f.action() == Action.BLOCK).count());
    }

    /**
     * A chat upstream that sent its finish and left out `[DONE]`: the last Gemini chunk (the calls, `finishReason`) is
     * made when the upstream's body ends, and still goes through the firewall's filter and the key mask wrapped around
     * the translation, as the relay chains them.
     */
    @Test
    void shouldFilterTheLastGeminiChunkMadeAtTheUpstreamsEndThroughEveryWrapper() throws Exception {
        List<Finding> findings = new ArrayList<>();
        StreamTransform chain = new StreamKeyMask("sk-test-0123456789", new GeminiToolCallStreamFilter(
                ToolCallCheck.of(NO_SHELL), new ChatChunksToGeminiChunks("openai"), findings::addAll));
        String[] withoutDone = java.util.Arrays.copyOf(CHAT_STREAM, CHAT_STREAM.length - 1);
        String out = FirewallFixtures.stream(chain, withoutDone);
        Buffer end = chain.finish();
        out += end == null ? "" : end.toString();
        JsonNode last = data(out).get(data(out).size() - 1);
        assertEquals("STOP", last.at("/candidates/0/finishReason").asText(), out);
        JsonNode parts = last.at("/candidates/0/content/parts");
        assertFalse(out.contains("\"name\":\"shell.exec\""), out);
        assertTrue(parts.toString().contains("\"name\":\"get_weather\""), parts.toString());
        assertTrue(parts.toString().contains("rule \\\"no-shell\\\""), parts.toString());
        assertEquals(1, findings.stream().filter(f -> f.action() == Action.BLOCK).count());
    }

    @Test
    void shouldReplaceBlockedCallsInNonStreamedResponsesAndGeminiAnswers() throws Exception {
        String response = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
                + "{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_1\","
                + "\"name\":\"shell.exec\",\"arguments\":\"{\\\"cmd\\\":\\\"ls\\\"}\"},"
                + "{\"id\":\"fc_2\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_2\","
                + "\"name\":\"get_weather\",\"arguments\":\"{}\"}]}";
        List<Finding> findings = new ArrayList<>();
        JsonNode filtered = JSON.readTree(FirewallFixtures.filterAnswer(NO_SHELL, Surface.RESPONSES,
                response.getBytes(StandardCharsets.UTF_8), findings));
        assertEquals("message", filtered.at("/output/0/type").asText());
        assertTrue(filtered.at("/output/0/content/0/text").asText().contains("rule \"no-shell\""));
        assertEquals("get_weather", filtered.at("/output/1/name").asText());

        String gemini = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"shell.exec\","
                + "\"args\":{\"cmd\":\"ls\"}}}]},\"finishReason\":\"STOP\"}]}";
        JsonNode answer = JSON.readTree(FirewallFixtures.filterAnswer(NO_SHELL, Surface.GENERATE_CONTENT,
                gemini.getBytes(StandardCharsets.UTF_8), findings));
        assertTrue(answer.at("/candidates/0/content/parts/0/text").asText().contains("\"shell.exec\" was blocked"));
        assertTrue(answer.at("/candidates/0/content/parts/0/functionCall").isMissingNode());

        String allowed = gemini.replace("shell.exec", "get_weather");
        assertNull(FirewallFixtures.filterAnswer(NO_SHELL, Surface.GENERATE_CONTENT, allowed.getBytes(StandardCharsets.UTF_8),
                findings), "nothing blocked: the answer goes out byte for byte");
    }
}
