package io.aigw.gateway.routing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.snapshot.CatalogDocument;
import io.aigw.gateway.snapshot.ConfigDocument;
import io.aigw.gateway.snapshot.ProviderKeysDocument;
import io.aigw.gateway.snapshot.SnapshotBuilder;
import io.aigw.gateway.snapshot.SnapshotSources;
import io.aigw.gateway.support.TestDocuments;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A `balance` step spreads a model's traffic over several models by weight, the others following as failover. */
class BalanceStepTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PLANS = 10_000;
    private static final String GPT = "openai:gpt-4o";
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String OR_CLAUDE = "openrouter:anthropic/claude-3.5-sonnet";
    private static final String ID = "cfg_balance000000001";

    /** A configuration with one rule for {@value #GPT}, whose steps {@code steps} writes; {@code access} its scope. */
    private static RoutingSnapshot snapshot(Consumer<ArrayNode> steps, Consumer<ObjectNode> access) throws Exception {
        return snapshot("model", GPT, steps, access);
    }

    /** The same with a rule for {@code kind} (`model` or `provider`) {@code target}. */
    private static RoutingSnapshot snapshot(String kind, String target, Consumer<ArrayNode> steps,
            Consumer<ObjectNode> access) throws Exception {
        ObjectNode config = TestDocuments.config();
        ObjectNode cfg = config.putArray("configurations").addObject().put("id", ID).put("name", "balanced");
        access.accept(cfg.putObject("access"));
        ObjectNode rule = cfg.putObject("router").putArray("rules").addObject().put(kind, target);
        steps.accept(rule.putArray("steps"));
        return SnapshotBuilder.build(new SnapshotSources(
                MAPPER.treeToValue(TestDocuments.catalog("http://127.0.0.1:9"), CatalogDocument.class),
                MAPPER.treeToValue(config, ConfigDocument.class),
                MAPPER.treeToValue(TestDocuments.providerKeys(), ProviderKeysDocument.class)));
    }

    private static void balance(ArrayNode steps, Map<String, Integer> weights) {
        ObjectNode step = steps.addObject().put("type", "balance");
        ArrayNode models = step.putArray("models");
        ObjectNode w = step.putObject("weights");
        weights.forEach((model, weight) -> {
            models.add(model);
            w.put(model, weight);
        });
    }

    /** Model → weight, in the order written. */
    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    private static void balanceProviders(ArrayNode steps, Map<String, Integer> weights) {
        ObjectNode step = steps.addObject().put("type", "balance");
        ArrayNode providers = step.putArray("providers");
        ObjectNode w = step.putObject("weights");
        weights.forEach((provider, weight) -> {
            providers.add(provider);
            w.put(provider, weight);
        });
    }

    private static void keys(ArrayNode steps, String... keys) {
        ArrayNode list = steps.addObject().put("type", "keys").putArray("keys");
        for (String key : keys) {
            list.add(key);
        }
    }

    private static List<PlannedAttempt> plan(RoutingSnapshot snapshot, KeyBalancer balancer) {
        return plan(snapshot, balancer, GPT);
    }

    private static List<PlannedAttempt> plan(RoutingSnapshot snapshot, KeyBalancer balancer, String model) {
        RoutePolicy policy = snapshot.policy(ID);
        List<ModelAddress> candidates = CandidateResolver.resolve(model, List.of(), snapshot, policy,
                Surface.CHAT_COMPLETIONS).addresses();
        return AttemptPlanner.plan(snapshot, policy, candidates, Surface.CHAT_COMPLETIONS, balancer);
    }

    private static List<String> models(List<PlannedAttempt> plan) {
        return List.copyOf(new LinkedHashSet<>(plan.stream().map(a -> a.address().canonical()).toList()));
    }

    @Test
    void firstAttemptsFollowTheWeightsWithin3PercentOver10000PlansAndEveryPlanFailsOverToTheOthers() throws Exception {
        Map<String, Integer> weights = ordered(GPT, 6, CLAUDE, 3, OR_CLAUDE, 1);
        RoutingSnapshot snapshot = snapshot(steps -> {
            keys(steps, "pk_openai1");
            balance(steps, weights);
        }, access -> { });
        KeyBalancer balancer = new KeyBalancer(new Random(16)::nextDouble);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<PlannedAttempt> plan = plan(snapshot, balancer);
            assertThat(models(plan), containsInAnyOrder(GPT, CLAUDE, OR_CLAUDE));
            assertThat("the rule's own model is tried with the rule's keys only", plan.stream()
                    .filter(a -> a.address().canonical().equals(GPT)).map(a -> a.key().id()).toList(), contains("pk_openai1"));
            firsts.merge(plan.get(0).address().canonical(), 1, Integer::sum);
        }
        assertThat(firsts.get(GPT) / (double) PLANS, closeTo(0.6, 0.03));
        assertThat(firsts.get(CLAUDE) / (double) PLANS, closeTo(0.3, 0.03));
        assertThat(firsts.get(OR_CLAUDE) / (double) PLANS, closeTo(0.1, 0.03));
    }

    @Test
    void aBalanceStepWithoutTheRulesOwnModelSpreadsItsFailoverAfterTheOwnKeys() throws Exception {
        RoutingSnapshot snapshot = snapshot(steps -> {
            keys(steps, "pk_openai2", "pk_openai1");
            balance(steps, ordered(CLAUDE, 1, OR_CLAUDE, 1));
        }, access -> { });
        KeyBalancer balancer = new KeyBalancer(new Random(3)::nextDouble);
        Map<String, Integer> seconds = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<PlannedAttempt> plan = plan(snapshot, balancer);
            assertThat(plan.get(0).key().id(), equalTo("pk_openai2"));
            assertThat(plan.get(1).key().id(), equalTo("pk_openai1"));
            seconds.merge(plan.get(2).address().canonical(), 1, Integer::sum);
        }
        assertThat(seconds.get(CLAUDE) / (double) PLANS, closeTo(0.5, 0.03));
    }

    @Test
    void aBalancedModelOutsideTheScopeIsLeftOutAndTheRestKeepTheirShare() throws Exception {
        RoutingSnapshot snapshot = snapshot(steps -> balance(steps, ordered(GPT, 1, CLAUDE, 1, OR_CLAUDE, 2)),
                access -> access.putObject("providers").putArray("allow").add("openai").add("openrouter"));
        KeyBalancer balancer = new KeyBalancer(new Random(5)::nextDouble);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<PlannedAttempt> plan = plan(snapshot, balancer);
            assertThat(models(plan), containsInAnyOrder(GPT, OR_CLAUDE));
            firsts.merge(plan.get(0).address().canonical(), 1, Integer::sum);
        }
        assertThat(firsts.get(OR_CLAUDE) / (double) PLANS, closeTo(2 / 3.0, 0.03));
    }

    @Test
    void theRulesOwnModelWithoutKeysStepsUsesTheProvidersKeysInCreationOrder() throws Exception {
        RoutingSnapshot snapshot = snapshot(steps -> balance(steps, ordered(GPT, 1, CLAUDE, 1)), access -> { });
        List<PlannedAttempt> plan = plan(snapshot, null); // no balancer: as written
        assertThat(plan.stream().map(a -> a.key().id()).toList(),
                contains("pk_openai1", "pk_openai2", "pk_openaibad", "pk_anthropic"));
    }

    @Test
    void aBalanceOverProvidersSpreadsTheRequestsModelOverThemByWeightWithin3PercentOver10000Plans() throws Exception {
        RoutingSnapshot snapshot = snapshot(steps -> {
            keys(steps, "pk_openai1");
            balanceProviders(steps, ordered("openai", 6, "backup", 3, "openrouter", 1));
        }, access -> { });
        KeyBalancer balancer = new KeyBalancer(new Random(16)::nextDouble);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<PlannedAttempt> plan = plan(snapshot, balancer);
            assertThat(models(plan), containsInAnyOrder(GPT, "backup:gpt-4o", "openrouter:gpt-4o"));
            assertThat("the model's own provider is tried with the rule's keys only", plan.stream()
                    .filter(a -> a.address().canonical().equals(GPT)).map(a -> a.key().id()).toList(), contains("pk_openai1"));
            firsts.merge(plan.get(0).address().provider().id(), 1, Integer::sum);
        }
        assertThat(firsts.get("openai") / (double) PLANS, closeTo(0.6, 0.03));
        assertThat(firsts.get("backup") / (double) PLANS, closeTo(0.3, 0.03));
        assertThat(firsts.get("openrouter") / (double) PLANS, closeTo(0.1, 0.03));
    }

    @Test
    void aProviderRuleBalancesEveryModelOfThatProviderAndLeavesOutProvidersOutsideTheScopeOrDisabled() throws Exception {
        RoutingSnapshot snapshot = snapshot("provider", "openai",
                steps -> balanceProviders(steps, ordered("openai", 1, "backup", 3, "openrouter", 5, "retired", 5)),
                access -> access.putObject("providers").putArray("allow").add("openai").add("backup").add("retired"));
        KeyBalancer balancer = new KeyBalancer(new Random(7)::nextDouble);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<PlannedAttempt> plan = plan(snapshot, balancer, "openai:o1-mini");
            assertThat(models(plan), containsInAnyOrder("openai:o1-mini", "backup:o1-mini"));
            firsts.merge(plan.get(0).address().provider().id(), 1, Integer::sum);
        }
        assertThat(firsts.get("backup") / (double) PLANS, closeTo(3 / 4.0, 0.03));
    }
}
