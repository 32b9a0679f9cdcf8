package io.aigw.gateway.firewall;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * How one request's firewall checks the tool calls its model returns: first the synchronous rules (tool names,
 * regex, pii), then, if they let the call pass, the {@code decision} rules that read {@code toolCall}, each asked of
 * its judge through this gateway's routing under the requesting key (timeout, verdict cache and {@code onError} as
 * on the request side). The verdict never fails: a judge failure is its policy's {@code onError}. Without decision
 * rules on tool calls, the verdict is complete when answered.
 */
public class ToolCallCheck {

    private final Firewall firewall;
    private final FirewallJudge judge;
    private final JudgeRoute route;

    /** {@code judge} and {@code route} may be null when {@code firewall} has no decision rule on tool calls. */
    public ToolCallCheck(Firewall firewall, FirewallJudge judge, JudgeRoute route) {
        this.firewall = firewall;
        this.judge = judge;
        this.route = route;
    }

    /** Synchronous rules only (no judge). */
    public static ToolCallCheck of(Firewall firewall) {
        return new ToolCallCheck(firewall, null, null);
    }

    /** Whether any rule reads the tool calls a model returns. */
    public boolean active() {
        return firewall.inspectsToolCalls() || firewall.judgesToolCalls();
    }

    /** The verdict on the call {@code name} with {@code arguments} (its JSON text). */
    public Future<ToolCallVerdict> check(String name, String arguments) {
        List<Finding> findings = new ArrayList<>();
        Finding blocked = ToolCallInspector.check(firewall, name, arguments, findings);
        if (blocked != null || judge == null || !firewall.judgesToolCalls()) {
            return Future.succeededFuture(new ToolCallVerdict(findings,
                    blocked == null ? null : ToolCallInspector.note(name, blocked)));
        }
        return DecisionRules.judgeToolCall(judge, route, firewall, ToolCallInspector.text(name, arguments))
                .map(decided -> {
                    findings.addAll(decided.findings());
                    return new ToolCallVerdict(findings,
                            decided.blocked() == null ? null : ToolCallInspector.note(name, decided.blocked()));
                });
    }
}
