package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.routing.Surface;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The request side's {@code decision} rules, after the other rules passed (and on the redacted text): each rule's
 * judge is asked, all at once, whether its statement applies to the texts the rule reads (joined). Then, per policy in
 * order: a match of a {@code hardDeny} rule blocks; of a {@code softDeny} rule blocks unless an {@code allow}
 * decision rule of the same policy matched too; under {@code mode: audit} or {@code action: audit} a match is only
 * recorded. A judge that fails (timeout, error status, an answer other than MATCH / NO_MATCH, more text than
 * {@link FirewallConfig#maxJudgedChars()}) applies the policy's {@code onError}: {@code block} refuses the request,
 * {@code allow} lets the rule pass. The same holds for the rules that read the tool calls a model returns, judged per
 * call ({@link ToolCallCheck}).
 */
public final class DecisionRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionRules() {
    }

    private record Judged(FirewallPolicy policy, FirewallRule rule, Target target, Future<Boolean> verdict) {
    }

    /** The verdict of the decision rules (never failed: judge failures are the policies' onError). */
    public static Future<RequestVerdict> judge(FirewallJudge judge, JudgeRoute route, Firewall firewall, Surface surface,
            byte[] bytes, int length) {
        if (!firewall.judgesRequests()) {
            return Future.succeededFuture(RequestVerdict.PASS);
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes, 0, length);
        } catch (IOException e) {
            return Future.succeededFuture(RequestVerdict.PASS);
        }
        RequestTexts texts = RequestTexts.of(surface, body);
        List<Judged> judged = new ArrayList<>();
        for (FirewallPolicy policy : firewall.policies()) {
            for (FirewallRule rule : policy.rules()) {
                if (rule.kind() != FirewallRule.Kind.DECISION) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                Target first = null;
                for (TextSlot slot : texts.slots) {
                    if (rule.reads(slot.target) && slot.target != Target.TOOL_CALL) {
                        first = first == null ? slot.target : first;
                        text.append(text.length() == 0 ? "" : "\n\n").append(slot.text());
                    }
                }
                if (first == null) {
                    continue;
                }
                judged.add(new Judged(policy, rule, first, ask(judge, route, rule, text.toString())));
            }
        }
        return decided(judged);
    }

    /**
     * The verdict of the decision rules that read {@code toolCall} on one call's {@code text} (name and arguments):
     * {@code blocked} names the rule that removes the call, null when it passes (never failed).
     */
    static Future<RequestVerdict> judgeToolCall(FirewallJudge judge, JudgeRoute route, Firewall firewall, String text) {
        List<Judged> judged = new ArrayList<>();
        for (FirewallPolicy policy : firewall.policies()) {
            for (FirewallRule rule : policy.rules()) {
                if (rule.kind() == FirewallRule.Kind.DECISION && rule.reads(Target.TOOL_CALL)) {
                    judged.add(new Judged(policy, rule, Target.TOOL_CALL, ask(judge, route, rule, text)));
                }
            }
        }
        return decided(judged);
    }

    private static Future<Boolean> ask(FirewallJudge judge, JudgeRoute route, FirewallRule rule, String text) {
        return text.length() > judge.maxJudgedChars() ? Future.failedFuture("more text than a judge reads")
                : judge.judge(route, rule.model(), rule.statement(), text);
    }

    /** Once every judge answered or failed: the verdict, per policy in order. */
    private static Future<RequestVerdict> decided(List<Judged> judged) {
        List<Future<Boolean>> all = judged.stream().map(Judged::verdict).toList();
        return Future.join(all).transform(done -> Future.succeededFuture(decide(judged)));
    }

    private static RequestVerdict decide(List<Judged> judged) {
        List<Finding> findings = new ArrayList<>();
        FirewallPolicy current = null;
        Finding pending = null;
        for (Judged j : judged) {
            if (j.policy != current) {
                if (pending != null) {
                    return new RequestVerdict(pending, pending.reason(), null, findings);
                }
                current = j.policy;
            }
            if (j.verdict.failed()) {
                Log.debugf("firewall judge of rule %s failed: %s", j.rule.id(), j.verdict.cause().getMessage());
                if (j.policy.blockOnError() && !j.policy.audit()) { // recorded as the rule's block
                    Finding refused = new Finding(j.policy.id(), j.policy.name(), j.rule.id(), j.rule.tier(), Action.BLOCK,
                            j.target, null);
                    findings.add(refused);
                    return new RequestVerdict(refused, "The firewall could not judge rule \"" + j.rule.id() + "\" of policy \""
                            + j.policy.name() + "\" (" + j.policy.id() + "); the policy refuses what it cannot judge.",
                            null, findings);
                }
                continue;
            }
            if (!j.verdict.result()) {
                continue;
            }
            Action action = j.rule.tier() == Tier.ALLOW ? Action.ALLOW
                    : j.policy.audit() || j.rule.action() == Action.AUDIT ? Action.AUDIT : Action.BLOCK;
            Finding finding = new Finding(j.policy.id(), j.policy.name(), j.rule.id(), j.rule.tier(), action, j.target, null);
            findings.add(finding);
            if (action == Action.ALLOW) {
                pending = null;
            } else if (action == Action.BLOCK && j.rule.tier() == Tier.HARD_DENY) {
                return new RequestVerdict(finding, finding.reason(), null, findings);
            } else if (action == Action.BLOCK && pending == null) {
                pending = finding;
            }
        }
        return pending != null ? new RequestVerdict(pending, pending.reason(), null, findings)
                : new RequestVerdict(null, null, null, findings);
    }
}
