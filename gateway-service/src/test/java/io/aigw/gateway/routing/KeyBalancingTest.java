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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A `keys` step's strategy, planned through a snapshot built from the configuration document. */
class KeyBalancingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PLANS = 10_000;
    private static final List<String> KEYS = List.of("pk_openai1", "pk_openai2", "pk_openaibad");

    private static RoutingSnapshot snapshot(ObjectNode step) throws Exception {
        ObjectNode config = TestDocuments.config();
        ArrayNode configurations = config.putArray("configurations");
        ObjectNode cfg = configurations.addObject().put("id", "cfg_balanced00000001").put("name", "balanced");
        ObjectNode rule = cfg.putObject("router").putArray("rules").addObject().put("provider", "openai");
        ArrayNode keys = step.put("type", "keys").putArray("keys");
        KEYS.forEach(keys::add);
        rule.putArray("steps").add(step);
        return SnapshotBuilder.build(new SnapshotSources(
                MAPPER.treeToValue(TestDocuments.catalog("http://127.0.0.1:9"), CatalogDocument.class),
                MAPPER.treeToValue(config, ConfigDocument.class),
                MAPPER.treeToValue(TestDocuments.providerKeys(), ProviderKeysDocument.class)));
    }

    private static List<String> plan(RoutingSnapshot snapshot, KeyBalancer balancer) {
        RoutePolicy policy = snapshot.policy("cfg_balanced00000001");
        List<ModelAddress> candidates = CandidateResolver.resolve("openai:gpt-4o", List.of(), snapshot, policy,
                Surface.CHAT_COMPLETIONS).addresses();
        return AttemptPlanner.plan(snapshot, policy, candidates, Surface.CHAT_COMPLETIONS, balancer).stream()
                .map(a -> a.key().id()).toList();
    }

    private static Map<String, Double> firstShares(RoutingSnapshot snapshot, KeyBalancer balancer) {
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            List<String> plan = plan(snapshot, balancer);
            assertThat("every plan still fails over to all keys", plan, containsInAnyOrder(KEYS.toArray()));
            firsts.merge(plan.get(0), 1, Integer::sum);
        }
        Map<String, Double> shares = new HashMap<>();
        KEYS.forEach(k -> shares.put(k, firsts.getOrDefault(k, 0) / (double) PLANS));
        return shares;
    }

    @Test
    void weightedFirstAttemptsFollowTheWeightsWithin3Percent() throws Exception {
        ObjectNode step = MAPPER.createObjectNode().put("strategy", "weighted");
        step.putObject("weights").put("pk_openai1", 5).put("pk_openai2", 3).put("pk_openaibad", 2);
        Map<String, Double> shares = firstShares(snapshot(step), new KeyBalancer(new Random(16)::nextDouble));
        assertThat(shares.get("pk_openai1"), closeTo(0.5, 0.03));
        assertThat(shares.get("pk_openai2"), closeTo(0.3, 0.03));
        assertThat(shares.get("pk_openaibad"), closeTo(0.2, 0.03));
    }

    @Test
    void weightedKeysWithoutAWeightCountOnce() throws Exception {
        ObjectNode step = MAPPER.createObjectNode().put("strategy", "weighted");
        step.putObject("weights").put("pk_openai1", 8);
        Map<String, Double> shares = firstShares(snapshot(step), new KeyBalancer(new Random(7)::nextDouble));
        assertThat(shares.get("pk_openai1"), closeTo(0.8, 0.03));
        assertThat(shares.get("pk_openai2"), closeTo(0.1, 0.03));
        assertThat(shares.get("pk_openaibad"), closeTo(0.1, 0.03));
    }

    @Test
    void roundRobinRotatesTheFirstKeyExactly() throws Exception {
        RoutingSnapshot snapshot = snapshot(MAPPER.createObjectNode().put("strategy", "round-robin"));
        KeyBalancer balancer = new KeyBalancer();
        assertThat(plan(snapshot, balancer), contains("pk_openai1", "pk_openai2", "pk_openaibad"));
        assertThat(plan(snapshot, balancer), contains("pk_openai2", "pk_openaibad", "pk_openai1"));
        assertThat(plan(snapshot, balancer), contains("pk_openaibad", "pk_openai1", "pk_openai2"));
        Map<String, Double> shares = firstShares(snapshot, balancer);
        KEYS.forEach(k -> assertThat(shares.get(k), closeTo(1 / 3.0, 0.0001)));
    }

    @Test
    void leastBusyTriesTheKeyWithFewestAttemptsInFlightFirst() throws Exception {
        RoutingSnapshot snapshot = snapshot(MAPPER.createObjectNode().put("strategy", "least-busy"));
        KeyBalancer balancer = new KeyBalancer();
        balancer.acquire("pk_openai1");
        balancer.acquire("pk_openai1");
        balancer.acquire("pk_openai2");
        assertThat(plan(snapshot, balancer), contains("pk_openaibad", "pk_openai2", "pk_openai1"));
        balancer.release("pk_openai1");
        balancer.release("pk_openai1");
        balancer.acquire("pk_openaibad");
        assertThat(plan(snapshot, balancer).get(0), equalTo("pk_openai1"));
    }

    @Test
    void orderedAndAbsentStrategyKeepTheWrittenOrder() throws Exception {
        KeyBalancer balancer = new KeyBalancer();
        for (RoutingSnapshot snapshot : List.of(snapshot(MAPPER.createObjectNode()),
                snapshot(MAPPER.createObjectNode().put("strategy", "ordered")))) {
            for (int i = 0; i < 100; i++) {
                assertThat(plan(snapshot, balancer), contains(KEYS.toArray()));
            }
        }
    }
}
