package io.aigw.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.aigw.charts.Manifests.SERVICES;
import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NetworkPolicies (issue 14): only the gateway's API is reachable from outside the release; the admin services and
 * every management port only from inside it (management also from the monitoring namespace); the trial data stores
 * only from the services that use them. On by default, off with `networkPolicy.enabled=false`.
 */
class NetworkPolicyTest {

    private static final Map<String, String> RELEASE = Map.of("app.kubernetes.io/name", "aigw",
            "app.kubernetes.io/instance", AigwChart.RELEASE);

    @Test
    void shouldOpenOnlyTheGatewayApiPortToEveryPeer() {
        for (String service : SERVICES) {
            NetworkPolicy policy = AigwChart.object("default", NetworkPolicy.class, name(service));
            assertEquals(service, policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component"));
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes(), service);

            NetworkPolicyIngressRule api = rule(policy, "http");
            if (service.equals("gateway-service")) {
                assertTrue(api.getFrom() == null || api.getFrom().isEmpty(), "the gateway's API is for every client");
            } else {
                assertEquals(List.of(RELEASE), podSelectors(api.getFrom()), service + ": only the release's pods");
                assertTrue(api.getFrom().stream().allMatch(p -> p.getNamespaceSelector() == null), service);
            }
        }
    }

    @Test
    void shouldOpenEveryManagementPortToTheReleaseAndTheMonitoringNamespaceOnly() {
        for (String service : SERVICES) {
            NetworkPolicyIngressRule management = rule(AigwChart.object("default", NetworkPolicy.class, name(service)),
                    "management");

            assertEquals(2, management.getFrom().size(), service);
            assertEquals(RELEASE, management.getFrom().get(0).getPodSelector().getMatchLabels(), service);
            LabelSelector monitoring = management.getFrom().get(1).getNamespaceSelector();
            assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), monitoring.getMatchLabels(), service);
        }
    }

    @Test
    void shouldLetOnlyTheServicesThatUseThemReachTheTrialDataStores() {
        assertEquals(Set.of("gateway-service", "key-service", "config-service", "model-catalog-service", "kafka"),
                clients(AigwChart.object("dev", NetworkPolicy.class, name("kafka"))));
        assertEquals(Set.of("key-service", "config-service", "model-catalog-service"),
                clients(AigwChart.object("dev", NetworkPolicy.class, name("postgresql"))));
        assertEquals(Set.of("gateway-service"), clients(AigwChart.object("dev", NetworkPolicy.class, name("redis"))));
    }

    @Test
    void shouldCoverEveryPodOfTheReleaseWithAPolicy() {
        for (String scenario : List.of("default", "dev")) {
            Set<String> selected = new TreeSet<>();
            AigwChart.objects(scenario, NetworkPolicy.class).forEach(p ->
                    selected.add(p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component")));
            for (HasMetadata object : AigwChart.objects(AigwChart.template(scenario))) {
                Manifests.podTemplate(object).ifPresent(pod -> assertTrue(selected.contains(
                        pod.getMetadata().getLabels().get("app.kubernetes.io/component")), scenario + " " + object.getMetadata().getName()));
            }
        }
    }

    @Test
    void shouldRenderNoNetworkPolicyWhenTurnedOff(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("no-policies-values.yaml"),
                Files.readString(AigwChart.scenarioFile("dev")) + "networkPolicy:\n  enabled: false\n");

        assertTrue(AigwChart.objects(values).stream().noneMatch(o -> o instanceof NetworkPolicy));
        assertEquals(8, AigwChart.objects("dev", NetworkPolicy.class).size(), "four services, the admin console and three stores");
    }

    private static NetworkPolicyIngressRule rule(NetworkPolicy policy, String port) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> port.equals(p.getPort().getStrVal())))
                .findFirst().orElseThrow(() -> new AssertionError("no rule for port " + port));
    }

    private static List<Map<String, String>> podSelectors(List<NetworkPolicyPeer> peers) {
        return peers.stream().map(p -> p.getPodSelector().getMatchLabels()).toList();
    }

    private static Set<String> clients(NetworkPolicy store) {
        NetworkPolicyIngressRule rule = store.getSpec().getIngress().get(0);
        assertEquals(1, rule.getFrom().size());
        NetworkPolicyPeer peer = rule.getFrom().get(0);
        assertNull(peer.getNamespaceSelector(), "a data store open to other namespaces");
        assertEquals(RELEASE, peer.getPodSelector().getMatchLabels());
        assertEquals("app.kubernetes.io/component", peer.getPodSelector().getMatchExpressions().get(0).getKey());
        return new TreeSet<>(peer.getPodSelector().getMatchExpressions().get(0).getValues());
    }
}
