package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.regex;
import static io.aigw.gateway.firewall.FirewallFixtures.toolName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class AnthropicToolUseStreamFilterTest {

    private static final Firewall GUARD = enforce(toolName("no-shell", "hardDeny", "shell.*"),
            regex("rm-rf", "hardDeny", "block", "rm -rf", "toolCall"));

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String[] stream(String tool, String... inputPieces) {
        java.util.List<String> events = new ArrayList<>();
        events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}"));
        events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Running.\"}}"));
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"t\",\"name\":\"" + tool + "\",\"input\":{}}}"));
        for (String piece : inputPieces) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":" + new com.fasterxml.jackson.databind.node.TextNode(piece) + "}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
        events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null}}"));
        events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        return events.toArray(String[]::new);
    }

    private static String run(String... events) {
        return FirewallFixtures.stream(new AnthropicToolUseStreamFilter(ToolCallCheck.of(GUARD), null, findings -> { }), events);
    }

    @Test
    void shouldReplaceABlockedToolUseByATextBlockAtTheSameIndexAndEndTheTurn() {
        String out = run(stream("run", "{\"cmd\":", "\"rm -", "rf /\"}"));
        assertTrue(out.contains("Running."), "text is never held back");
        assertFalse(out.contains("tool_use\",\"id\""), out);
        assertFalse(out.contains("partial_json"), out);
        assertTrue(out.contains("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"), out);
        assertTrue(out.contains("rule \\\"rm-rf\\\""), out);
        assertTrue(out.contains("\"stop_reason\":\"end_turn\""), out);
        assertTrue(out.endsWith(event("message_stop", "{\"type\":\"message_stop\"}")), out);
    }

    @Test
    void shouldPassAnAllowedToolUseByteForByte() {
        String[] events = stream("get_weather", "{\"city\":", "\"Paris\"}");
        assertEquals(String.join("", events), run(events));
    }

    @Test
    void shouldBlockOnTheNameBeforeAnyInputArrives() {
        String out = run(stream("shell.exec"));
        assertTrue(out.contains("rule \\\"no-shell\\\""), out);
    }
}
