package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.firewall;
import static io.aigw.gateway.firewall.FirewallFixtures.pii;
import static io.aigw.gateway.firewall.FirewallFixtures.regex;
import static io.aigw.gateway.firewall.FirewallFixtures.toolName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.gateway.routing.Surface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestInspectorTest {

    private static RequestVerdict inspect(Firewall firewall, Surface surface, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RequestInspector.inspect(firewall, surface, bytes, bytes.length);
    }

    private static String chat(String system, String user) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"" + system + "\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + user + "\"}]}]}";
    }

    @Test
    void shouldBlockOnAHardDenyRegexAndNameThePolicyAndRuleButNotTheMatchedText() {
        RequestVerdict verdict = inspect(enforce(regex("passwords", "hardDeny", "block", "(?i)password\\s*=")),
                Surface.CHAT_COMPLETIONS, chat("be nice", "my PASSWORD = hunter2"));
        assertNotNull(verdict.blocked());
        assertEquals("passwords", verdict.blocked().ruleId());
        assertTrue(verdict.reason().contains("\"test-policy\"") && verdict.reason().contains("\"passwords\""), verdict.reason());
        assertFalse(verdict.reason().contains("hunter2"), "never the matched text");
    }

    @Test
    void shouldPassWhenNothingMatchesAndForwardTheBodyUnchanged() {
        RequestVerdict verdict = inspect(enforce(regex("passwords", "hardDeny", "block", "password")),
                Surface.CHAT_COMPLETIONS, chat("be nice", "hello"));
        assertNull(verdict.blocked());
        assertNull(verdict.body());
        assertEquals(List.of(), verdict.findings());
    }

    @Test
    void shouldReadOnlyTheTargetsARuleNames() {
        Firewall userOnly = enforce(regex("secret-word", "hardDeny", "block", "banana", "user"));
        assertNull(inspect(userOnly, Surface.CHAT_COMPLETIONS, chat("banana", "hello")).blocked());
        assertNotNull(inspect(userOnly, Surface.CHAT_COMPLETIONS, chat("hello", "banana")).blocked());
    }

    @Test
    void shouldLetALaterAllowRuleCancelASoftDenyButNeverAHardDeny() {
        String body = chat("x", "deploy to staging");
        Firewall soft = enforce(regex("deploy", "softDeny", "block", "deploy"), regex("staging-ok", "allow", null, "staging"));
        RequestVerdict allowed = inspect(soft, Surface.CHAT_COMPLETIONS, body);
        assertNull(allowed.blocked());
        assertEquals(List.of(Action.BLOCK, Action.ALLOW), allowed.findings().stream().map(Finding::action).toList());
        Firewall softAlone = enforce(regex("deploy", "softDeny", "block", "deploy"), regex("prod-ok", "allow", null, "prod"));
        assertEquals("deploy", inspect(softAlone, Surface.CHAT_COMPLETIONS, body).blocked().ruleId());
        Firewall hard = enforce(regex("deploy", "hardDeny", "block", "deploy"), regex("staging-ok", "allow", null, "staging"));
        assertEquals("deploy", inspect(hard, Surface.CHAT_COMPLETIONS, body).blocked().ruleId());
    }

    @Test
    void shouldRedactEveryEmailWithATypedPlaceholderAndKeepTheRestOfTheRequest() {
        RequestVerdict verdict = inspect(enforce(pii("emails", "redact", List.of("email", "creditCard"))),
                Surface.CHAT_COMPLETIONS, chat("ops@example.com helps", "mail bob@example.org, card 4111 1111 1111 1111"));
        assertNull(verdict.blocked());
        String forwarded = new String(verdict.body(), StandardCharsets.UTF_8);
        assertTrue(forwarded.contains("[REDACTED_EMAIL] helps"), forwarded);
        assertTrue(forwarded.contains("mail [REDACTED_EMAIL], card [REDACTED_CREDIT_CARD]"), forwarded);
        assertFalse(forwarded.contains("example"), forwarded);
        assertTrue(forwarded.contains("\"model\":\"m\""), forwarded);
    }

    @Test
    void shouldOnlyRecordInAuditModeNeitherBlockingNorRedacting() {
        Firewall audit = firewall("audit", "block", regex("passwords", "hardDeny", "block", "password"),
                pii("emails", "redact", List.of("email")));
        RequestVerdict verdict = inspect(audit, Surface.CHAT_COMPLETIONS, chat("x", "password of bob@example.org"));
        assertNull(verdict.blocked());
        assertNull(verdict.body());
        assertEquals(List.of(Action.AUDIT, Action.AUDIT), verdict.findings().stream().map(Finding::action).toList());
    }

    @Test
    void shouldReadAnthropicSystemTextAndToolResultsAndToolDefinitions() {
        String body = "{\"model\":\"m\",\"system\":[{\"type\":\"text\",\"text\":\"sys\"}],\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"leaked jane@example.com\"}]}],"
                + "\"tools\":[{\"name\":\"shell.exec\",\"description\":\"runs\",\"input_schema\":{}}]}";
        RequestVerdict redacted = inspect(enforce(pii("emails", "redact", List.of("email"), "toolResult")), Surface.MESSAGES, body);
        assertTrue(new String(redacted.body(), StandardCharsets.UTF_8).contains("leaked [REDACTED_EMAIL]"));
        RequestVerdict offered = inspect(enforce(toolName("no-shell", "hardDeny", "shell.*")), Surface.MESSAGES, body);
        assertEquals(Target.TOOL_DEFINITION, offered.blocked().target());
    }

    @Test
    void shouldRefuseTextBeyondTheScanBoundWhenOnErrorBlocksAndLetItThroughWhenItAllows() {
        String big = "a".repeat(RequestInspector.MAX_SCAN_CHARS + 10);
        RequestVerdict refused = inspect(firewall("enforce", "block", regex("r", "hardDeny", "block", "zzz")),
                Surface.CHAT_COMPLETIONS, chat("x", big));
        assertNotNull(refused.reason());
        assertTrue(refused.reason().contains("more text than the firewall reads"), refused.reason());
        RequestVerdict allowed = inspect(firewall("enforce", "allow", regex("r", "hardDeny", "block", "zzz")),
                Surface.CHAT_COMPLETIONS, chat("x", big));
        assertNull(allowed.reason());
    }

    @Test
    void shouldRunACatastrophicBacktrackingPatternInLinearTime() {
        String evil = "a".repeat(100_000) + "!";
        // a backtracking engine would not return in the lifetime of the machine (2^100000 paths): a hang guard only
        RequestVerdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> inspect(
                enforce(regex("evil", "hardDeny", "block", "(a+)+$")), Surface.CHAT_COMPLETIONS, chat("x", evil)));
        assertNull(verdict.blocked(), "the text ends with '!': no match, found without backtracking");
    }
}
