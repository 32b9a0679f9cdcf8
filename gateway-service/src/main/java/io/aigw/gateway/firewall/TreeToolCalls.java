package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the tool calls of a whole JSON document (an answer, a Gemini chunk) in two passes of its surface's
 * {@link Walker}: the first only collects the calls and asks for their verdicts, all at once; once every verdict is
 * in, the second records the matches and replaces the blocked calls.
 */
final class TreeToolCalls {

    /** A surface's walk over the calls of {@code root}: each is replaced by its note when {@code notes} gives one. */
    interface Walker {
        boolean filter(Notes notes, JsonNode root);
    }

    /** The note that replaces a call (null = it stays). */
    interface Notes {
        String note(String name, String arguments);
    }

    /** The verdicts on the calls of one document, by call text. */
    record Verdicts(Map<String, Future<ToolCallVerdict>> byText) {
    }

    private TreeToolCalls() {
    }

    /** The verdicts on every call in {@code root}; complete once all are in (never failed). */
    static Future<Verdicts> check(ToolCallCheck check, JsonNode root, Walker walker) {
        Map<String, Future<ToolCallVerdict>> verdicts = new LinkedHashMap<>();
        walker.filter((name, arguments) -> {
            verdicts.computeIfAbsent(ToolCallInspector.text(name, arguments), text -> check.check(name, arguments));
            return null; // the first pass changes nothing
        }, root);
        Verdicts all = new Verdicts(verdicts);
        if (verdicts.values().stream().allMatch(Future::isComplete)) {
            return Future.succeededFuture(all);
        }
        return Future.join(new ArrayList<>(verdicts.values())).transform(done -> Future.succeededFuture(all));
    }

    /** Records every call's matches and replaces the blocked ones in {@code root}; whether one was replaced. */
    static boolean apply(Verdicts verdicts, JsonNode root, Walker walker, Consumer<List<Finding>> record) {
        return walker.filter((name, arguments) -> {
            ToolCallVerdict verdict = verdicts.byText().get(ToolCallInspector.text(name, arguments)).result();
            record.accept(verdict.findings());
            return verdict.note();
        }, root);
    }
}
