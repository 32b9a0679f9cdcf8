package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.firewall;
import static io.aigw.gateway.firewall.FirewallFixtures.regex;
import static io.aigw.gateway.firewall.FirewallFixtures.toolName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.routing.Surface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallFirewallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Firewall NO_SHELL = enforce(toolName("no-shell", "hardDeny", "shell.*", "mcp__github__*"),
            regex("rm-rf", "hardDeny", "block", "rm -rf", "toolCall"));

    private static JsonNode filter(Firewall firewall, Surface surface, String answer, List<Finding> findings) throws Exception {
        byte[] out = FirewallFixtures.filterAnswer(firewall, surface, answer.getBytes(StandardCharsets.UTF_8), findings);
        return out == null ? null : JSON.readTree(out);
    }

    private static String chatCall(String id, String name, String arguments) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
                + JSON.valueToTree(arguments) + "}}";
    }

    @Test
    void shouldMatchToolNameGlobsOnTheWholeName() {
        List<Finding> findings = new ArrayList<>();
        assertEquals("no-shell", ToolCallInspector.check(NO_SHELL, "shell.exec", "{}", findings).ruleId());
        assertEquals("no-shell", ToolCallInspector.check(NO_SHELL, "mcp__github__create_issue", "{}", findings).ruleId());
        assertNull(ToolCallInspector.check(NO_SHELL, "myshell.exec", "{}", findings));
        assertNull(ToolCallInspector.check(NO_SHELL, "shell", "{}", findings));
        Firewall question = enforce(toolName("one-char", "hardDeny", "tool?"));
        assertEquals("one-char", ToolCallInspector.check(question, "tool1", "{}", findings).ruleId());
        assertNull(ToolCallInspector.check(question, "tool12", "{}", findings));
    }

    @Test
    void shouldMatchRegexRulesOnToolCallArguments() {
        assertEquals("rm-rf", ToolCallInspector.check(NO_SHELL, "run", "{\"cmd\":\"rm -rf /\"}", new ArrayList<>()).ruleId());
        assertNull(ToolCallInspector.check(NO_SHELL, "run", "{\"cmd\":\"ls\"}", new ArrayList<>()));
    }

    @Test
    void shouldRemoveOnlyTheBlockedChatToolCallAndTellTheModelWhy() throws Exception {
        String answer = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\","
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + chatCall("a", "shell.exec", "{\"cmd\":\"ls\"}")
                + "," + chatCall("b", "get_weather", "{\"city\":\"Paris\"}") + "]}}]}";
        List<Finding> findings = new ArrayList<>();
        JsonNode out = filter(NO_SHELL, Surface.CHAT_COMPLETIONS, answer, findings);
        JsonNode message = out.at("/choices/0/message");
        assertEquals(1, message.get("tool_calls").size());
        assertEquals("get_weather", message.at("/tool_calls/0/function/name").asText());
        assertTrue(message.get("content").asText().contains("\"shell.exec\" was blocked by firewall policy \"test-policy\" rule \"no-shell\""));
        assertEquals("tool_calls", out.at("/choices/0/finish_reason").asText());
        assertEquals(1, findings.size());
    }

    @Test
    void shouldEndTheTurnWhenEveryChatToolCallIsBlocked() throws Exception {
        String answer = "{\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Running it.\",\"tool_calls\":[" + chatCall("a", "shell.exec", "{}") + "]}}]}";
        JsonNode out = filter(NO_SHELL, Surface.CHAT_COMPLETIONS, answer, new ArrayList<>());
        assertFalse(out.at("/choices/0/message").has("tool_calls"));
        assertEquals("stop", out.at("/choices/0/finish_reason").asText());
        assertTrue(out.at("/choices/0/message/content").asText().startsWith("Running it.\n\n[AIGW firewall]"));
    }

    @Test
    void shouldReplaceABlockedAnthropicToolUseByATextBlockAndEndTheTurn() throws Exception {
        String answer = "{\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"tool_use\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me run it.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"run\",\"input\":{\"cmd\":\"rm -rf /tmp/x\"}}]}";
        JsonNode out = filter(NO_SHELL, Surface.MESSAGES, answer, new ArrayList<>());
        assertEquals(2, out.get("content").size());
        assertEquals("text", out.at("/content/1/type").asText());
        assertTrue(out.at("/content/1/text").asText().contains("rule \"rm-rf\""));
        assertEquals("end_turn", out.get("stop_reason").asText());
    }

    @Test
    void shouldLeaveAnAnswerUntouchedWhenNothingIsBlockedOrThePolicyOnlyAudits() throws Exception {
        String answer = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":[" + chatCall("a", "shell.exec", "{}") + "]}}]}";
        List<Finding> findings = new ArrayList<>();
        Firewall audit = firewall("audit", "block", toolName("no-shell", "hardDeny", "shell.*"));
        assertNull(filter(audit, Surface.CHAT_COMPLETIONS, answer, findings));
        assertEquals(Action.AUDIT, findings.get(0).action());
        assertNull(filter(enforce(toolName("x", "hardDeny", "other")), Surface.CHAT_COMPLETIONS, answer, new ArrayList<>()));
    }
}
