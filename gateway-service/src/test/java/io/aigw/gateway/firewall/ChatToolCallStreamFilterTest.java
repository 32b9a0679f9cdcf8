package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.toolName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToolCallStreamFilterTest {

    private static final Firewall NO_SHELL = enforce(toolName("no-shell", "hardDeny", "shell.*"));

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static String call(String name, String piece) {
        return "{\"tool_calls\":[{\"index\":0" + (name == null ? "" : ",\"id\":\"t\",\"type\":\"function\",\"function\":{\"name\":\""
                + name + "\",\"arguments\":\"\"}") + (name == null ? ",\"function\":{\"arguments\":\"" + piece + "\"}" : "") + "}]}";
    }

    /** Feeds the events one per call, as small reads, and answers what the client got. */
    private static String run(Firewall firewall, List<Finding> findings, String... events) {
        return FirewallFixtures.stream(new ChatToolCallStreamFilter(ToolCallCheck.of(firewall), null, findings::addAll), events);
    }

    @Test
    void shouldDropABlockedCallsDeltasAndEndTheTurnWithANote() {
        List<Finding> findings = new ArrayList<>();
        String out = run(NO_SHELL, findings, chunk("{\"role\":\"assistant\",\"content\":\"On it.\"}", "null"),
                chunk(call("shell.exec", null), "null"), chunk(call(null, "{\\\"cmd\\\""), "null"),
                chunk(call(null, ":\\\"ls\\\"}"), "null"), chunk("{}", "\"tool_calls\""), "data: [DONE]\n\n");
        assertTrue(out.contains("On it."), "text is never held back");
        assertFalse(out.contains("shell.exec\",\"arguments"), out);
        assertFalse(out.contains("\\\"ls\\\""), out);
        assertTrue(out.contains("[AIGW firewall] The tool call \\\"shell.exec\\\" was blocked"), out);
        assertTrue(out.contains("\"finish_reason\":\"stop\""), out);
        assertTrue(out.endsWith("data: [DONE]\n\n"), out);
        assertEquals(1, findings.size());
    }

    @Test
    void shouldReleaseAnAllowedCallsDeltasAsReceivedOnceItIsComplete() {
        String[] events = {chunk(call("get_weather", null), "null"), chunk(call(null, "{}"), "null"),
                chunk("{}", "\"tool_calls\""), "data: [DONE]\n\n"};
        String out = run(NO_SHELL, new ArrayList<>(), events);
        assertEquals(String.join("", events), out);
    }

    @Test
    void shouldPassAStreamWithoutToolCallsByteForByte() {
        String[] events = {chunk("{\"content\":\"hi\"}", "null"), chunk("{}", "\"stop\""), "data: [DONE]\n\n"};
        assertEquals(String.join("", events), run(NO_SHELL, new ArrayList<>(), events));
    }

    /** A check whose verdicts come when the test says, as a judge's would. */
    private static final class Awaited extends ToolCallCheck {
        final List<Promise<ToolCallVerdict>> asked = new ArrayList<>();

        Awaited() {
            super(Firewall.NONE, null, null);
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public Future<ToolCallVerdict> check(String name, String arguments) {
            Promise<ToolCallVerdict> verdict = Promise.promise();
            asked.add(verdict);
            return verdict.future();
        }
    }

    /** A filter whose verdicts come from {@code judge}; what they release goes to {@code late}. */
    private static ChatToolCallStreamFilter awaiting(Awaited judge, StringBuilder late) {
        ChatToolCallStreamFilter filter = new ChatToolCallStreamFilter(judge, null, f -> { });
        filter.onLate(released -> late.append(released.toString()));
        return filter;
    }

    @Test
    void shouldKeepACompletedCallUntilItsVerdictArrivesWhileTextKeepsFlowing() {
        Awaited judge = new Awaited();
        StringBuilder late = new StringBuilder();
        ChatToolCallStreamFilter filter = awaiting(judge, late);
        String call = chunk(call("get_weather", null), "null") + chunk(call(null, "{}"), "null");
        String now = filter.apply(Buffer.buffer(call + chunk("{}", "\"tool_calls\"") + "data: [DONE]\n\n")).toString()
                + filter.apply(Buffer.buffer(chunk("{\"content\":\"still here\"}", "null"))).toString();
        assertEquals(1, judge.asked.size());
        assertTrue(now.contains("still here"), "text is never held back: " + now);
        assertFalse(now.contains("get_weather"), "the call waits for its verdict: " + now);
        assertFalse(now.contains("[DONE]"), "so does the end of the stream: " + now);
        assertFalse(filter.drained().isComplete());

        judge.asked.get(0).complete(new ToolCallVerdict(List.of(), null));
        assertTrue(late.toString().startsWith(call), late.toString());
        assertTrue(late.toString().endsWith("data: [DONE]\n\n"), late.toString());
        assertTrue(filter.drained().isComplete());
    }

    @Test
    void shouldDropACallItsVerdictBlocksAndEndTheTurnWithTheNote() {
        Awaited judge = new Awaited();
        StringBuilder out = new StringBuilder();
        ChatToolCallStreamFilter filter = awaiting(judge, out);
        out.append(filter.apply(Buffer.buffer(chunk(call("wire_money", null), "null") + chunk(call(null, "{}"), "null")
                + chunk("{}", "\"tool_calls\"") + "data: [DONE]\n\n")));
        judge.asked.get(0).complete(new ToolCallVerdict(List.of(), "[AIGW firewall] The tool call \"wire_money\" was blocked"));
        assertFalse(out.toString().contains("\"name\":\"wire_money\""), out.toString());
        assertTrue(out.toString().contains("The tool call \\\"wire_money\\\" was blocked"), out.toString());
        assertTrue(out.toString().contains("\"finish_reason\":\"stop\""), out.toString());
        assertTrue(out.toString().endsWith("data: [DONE]\n\n"), out.toString());
    }
}
