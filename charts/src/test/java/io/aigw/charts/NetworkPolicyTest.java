package io.aigw.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
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
 * only from the services that use them. Egress: each pod reaches names, the services and data stores it uses, and only
 * the gateway public addresses. On by default, off with `networkPolicy.enabled=false` (egress alone with
 * `networkPolicy.egress.enabled=false`).
 */
class NetworkPolicyTest {

    private static final Map<String, String> RELEASE = Map.of("app.kubernetes.io/name", "aigw",
            "app.kubernetes.io/instance", AigwChart.RELEASE);

    @Test
    void shouldOpenOnlyTheGatewayApiPortToEveryPeer() {
        for (String service : SERVICES) {
            NetworkPolicy policy = AigwChart.object("default", NetworkPolicy.class, name(service));
            assertEquals(service, policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component"));
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), service);

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
    void shouldLetEachPodReachOnlyDnsTheServicesItCallsAndItsTrialDataStores() {
        Map<String, Set<String>> expected = Map.of(
                "gateway-service", Set.of("http:gateway-service", "http:key-service", "http:config-service",
                        "http:model-catalog-service", "kafka:kafka", "redis:redis"),
                "key-service", Set.of("http:config-service", "http:model-catalog-service", "kafka:kafka", "postgresql:postgresql"),
                "config-service", Set.of("http:key-service", "http:model-catalog-service", "kafka:kafka", "postgresql:postgresql"),
                "model-catalog-service", Set.of("http:key-service", "http:config-service", "kafka:kafka", "postgresql:postgresql"),
                "admin-console", Set.of("http:key-service", "http:config-service", "http:model-catalog-service",
                        "management:key-service", "management:config-service", "management:model-catalog-service",
                        "management:gateway-service"),
                "kafka", Set.of("*:kafka"), "postgresql", Set.of(), "redis", Set.of());
        expected.forEach((component, reachable) -> {
            NetworkPolicy policy = AigwChart.object("dev", NetworkPolicy.class, name(component));
            assertEquals(reachable, inRelease(policy), component);
            assertTrue(policy.getSpec().getEgress().get(0).getPorts().stream().allMatch(p -> p.getPort().getIntVal() == 53),
                    component + ": names first");
            assertEquals(component.equals("gateway-service"), policy.getSpec().getEgress().stream()
                    .anyMatch(r -> r.getTo() != null && r.getTo().stream().anyMatch(p -> p.getIpBlock() != null)),
                    component + ": only the gateway dials addresses outside the release");
            assertTrue(policy.getSpec().getEgress().stream().allMatch(r -> r.getTo() != null && !r.getTo().isEmpty()
                    || r.getPorts().stream().allMatch(p -> Integer.valueOf(53).equals(p.getPort().getIntVal()))),
                    component + ": in the dev values, nothing but names at any address");
        });
    }

    @Test
    void shouldLetTheGatewayReachPublicAddressesButNeverPrivateOrMetadataOnes() {
        NetworkPolicy gateway = AigwChart.object("default", NetworkPolicy.class, name("gateway-service"));
        List<IPBlock> blocks = gateway.getSpec().getEgress().stream().filter(r -> r.getTo() != null)
                .flatMap(r -> r.getTo().stream()).map(NetworkPolicyPeer::getIpBlock).filter(b -> b != null).toList();
        assertEquals(List.of("0.0.0.0/0", "::/0"), blocks.stream().map(IPBlock::getCidr).toList());
        assertTrue(blocks.get(0).getExcept().containsAll(List.of("169.254.0.0/16", "10.0.0.0/8", "172.16.0.0/12",
                "192.168.0.0/16", "127.0.0.0/8")), blocks.get(0).getExcept().toString());
        assertTrue(blocks.get(1).getExcept().containsAll(List.of("fc00::/7", "fe80::/10")));
    }

    @Test
    void shouldLetEachServiceReachItsExternalDataStoresByTheirPortsOnly() {
        assertEquals(Set.of(53, 9092, 6379), anyAddressPorts("gateway-service"));
        for (String admin : List.of("key-service", "config-service", "model-catalog-service")) {
            assertEquals(Set.of(53, 9092, 5432), anyAddressPorts(admin), admin);
        }
        assertEquals(Set.of(53), anyAddressPorts("admin-console"));
    }

    @Test
    void shouldOpenTheOtlpCollectorsPortWhenTracingIsOn() {
        NetworkPolicy key = AigwChart.object("observability", NetworkPolicy.class, name("key-service"));
        assertTrue(key.getSpec().getEgress().stream().anyMatch(r -> (r.getTo() == null || r.getTo().isEmpty())
                && r.getPorts().stream().anyMatch(p -> Integer.valueOf(4317).equals(p.getPort().getIntVal()))),
                "tracing.otlpEndpoint's port");
    }

    @Test
    void shouldLeaveEgressOpenWhenEgressRulesAreTurnedOff(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("no-egress-values.yaml"),
                Files.readString(AigwChart.scenarioFile("dev")) + "networkPolicy:\n  egress:\n    enabled: false\n");
        for (NetworkPolicy policy : AigwChart.objects(values).stream().filter(o -> o instanceof NetworkPolicy)
                .map(NetworkPolicy.class::cast).toList()) {
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes(), policy.getMetadata().getName());
        }
    }

    /** "port:component" for every release pod the policy's egress reaches ("*" = any port). */
    private static Set<String> inRelease(NetworkPolicy policy) {
        Set<String> reachable = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            if (rule.getTo() == null) {
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (peer.getPodSelector() == null) {
                    continue;
                }
                assertNull(peer.getNamespaceSelector());
                assertEquals(RELEASE, peer.getPodSelector().getMatchLabels());
                for (String component : peer.getPodSelector().getMatchExpressions().get(0).getValues()) {
                    if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                        reachable.add("*:" + component);
                    }
                    for (NetworkPolicyPort port : rule.getPorts() == null ? List.<NetworkPolicyPort>of() : rule.getPorts()) {
                        reachable.add(port.getPort().getStrVal() + ":" + component);
                    }
                }
            }
        }
        return reachable;
    }

    /** The ports a component's pods may reach at any address (rules without peers). */
    private static Set<Integer> anyAddressPorts(String component) {
        NetworkPolicy policy = AigwChart.object("default", NetworkPolicy.class, name(component));
        Set<Integer> ports = new TreeSet<>();
        policy.getSpec().getEgress().stream().filter(r -> r.getTo() == null || r.getTo().isEmpty())
                .forEach(r -> r.getPorts().forEach(p -> ports.add(p.getPort().getIntVal())));
        return ports;
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
