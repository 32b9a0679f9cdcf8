package io.aigw.gateway.firewall;

import io.aigw.gateway.firewall.FirewallPolicyDoc.RuleDoc;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** Compiled policies for the unit tests, written as config-service publishes them. */
final class FirewallFixtures {

    private FirewallFixtures() {
    }

    static RuleDoc toolName(String id, String tier, String... globs) {
        return new RuleDoc(id, "toolName", tier, "block", List.of("toolCall", "toolDefinition"), List.of(globs), null,
                null, null, null);
    }

    static RuleDoc regex(String id, String tier, String action, String pattern, String... targets) {
        return new RuleDoc(id, "regex", tier, action, targets.length == 0 ? null : List.of(targets), null, pattern,
                null, null, null);
    }

    static RuleDoc pii(String id, String action, List<String> detectors, String... targets) {
        return new RuleDoc(id, "pii", "hardDeny", action, targets.length == 0 ? null : List.of(targets), null, null,
                detectors, null, null);
    }

    static Firewall firewall(String mode, String onError, RuleDoc... rules) {
        FirewallPolicyDoc doc = new FirewallPolicyDoc("fwp_test", "test-policy", mode, onError, List.of(rules));
        return FirewallCompiler.select(FirewallCompiler.compile(List.of(doc)), null, List.of("fwp_test"));
    }

    static Firewall enforce(RuleDoc... rules) {
        return firewall("enforce", "block", rules);
    }

    /** What a client gets from {@code filter} when the stream's events arrive one per read. */
    static String stream(StreamTransform filter, String... events) {
        StringBuilder out = new StringBuilder();
        for (String event : events) {
            out.append(filter.apply(Buffer.buffer(event)).toString());
        }
        return out.toString();
    }

    /** The answer with {@code firewall}'s synchronous rules applied (null = unchanged); the matches go to {@code findings}. */
    static byte[] filterAnswer(Firewall firewall, Surface surface, byte[] answer, List<Finding> findings) {
        AnswerToolCalls.Filtered filtered = AnswerToolCalls.filter(ToolCallCheck.of(firewall), surface, answer).result();
        findings.addAll(filtered.findings());
        return filtered.bytes();
    }
}
