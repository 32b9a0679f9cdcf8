package io.aigw.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin console (issue 18): one admin base URL on a host of its own, holding no secret. */
class AdminConsoleChartTest {

    private static final String CONSOLE = "admin-console";

    @Test
    void shouldDeployTheConsoleWithTheOwnersAddressesAndNoSecret() {
        Container container = Manifests.container("default", CONSOLE);
        Map<String, String> config = Manifests.config("default", CONSOLE);

        assertTrue(container.getImage().contains("aigw/admin-console"), container.getImage());
        assertEquals(List.of(8084, 9084), container.getPorts().stream().map(p -> p.getContainerPort()).toList());
        assertEquals("http://" + name("key-service") + ":8081", config.get("AIGW_KEYS_URL"));
        assertEquals("http://" + name("config-service") + ":8082", config.get("AIGW_CONFIG_URL"));
        assertEquals("http://" + name("model-catalog-service") + ":8083", config.get("AIGW_CATALOG_URL"));
        assertEquals("http://" + name("key-service") + "-management:9081", config.get("AIGW_KEYS_MANAGEMENT_URL"));
        assertEquals("http://" + name("gateway-service") + "-management:9080", config.get("AIGW_GATEWAY_MANAGEMENT_URLS"));
        assertTrue(container.getEnv() == null || container.getEnv().stream()
                .noneMatch(e -> Manifests.SECRET_ENV.contains(e.getName())), "the console holds no token");
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(8084, AigwChart.object("default", Service.class, name(CONSOLE)).getSpec().getPorts().get(0).getPort());
        assertEquals(9084, AigwChart.object("default", Service.class, name(CONSOLE) + "-management")
                .getSpec().getPorts().get(0).getPort());
    }

    @Test
    void shouldServeTheAdminHostAtAllPathsOnAnIngressOfItsOwn() {
        Ingress ingress = AigwChart.object("ingress-hpa", Ingress.class, name(CONSOLE));
        Ingress gateway = AigwChart.object("ingress-hpa", Ingress.class, name("gateway-service"));

        assertEquals("admin.aigw.example.com", ingress.getSpec().getRules().get(0).getHost());
        assertFalse(gateway.getSpec().getRules().stream().anyMatch(r -> r.getHost().equals("admin.aigw.example.com")));
        HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertEquals("/", path.getPath());
        assertEquals(name(CONSOLE), path.getBackend().getService().getName());
        assertEquals("http", path.getBackend().getService().getPort().getName());
        assertEquals("admin-aigw-example-com-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertTrue(AigwChart.objects("default", Ingress.class).isEmpty(), "no Ingress unless asked for");
        assertTrue(AigwChart.notes("ingress-hpa").contains("https://admin.aigw.example.com/admin/v1"));
    }

    @Test
    void shouldLetTheConsoleReachTheAdminServicesAndPeersReachTheConsole() {
        NetworkPolicy console = AigwChart.object("default", NetworkPolicy.class, name(CONSOLE));
        NetworkPolicyIngressRule api = console.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().get(0).getPort().getStrVal().equals("http")).findFirst().orElseThrow();
        assertTrue(api.getFrom() == null || api.getFrom().isEmpty(), "the console's port is for its ingress and operators");

        for (String owner : List.of("key-service", "config-service", "model-catalog-service")) {
            NetworkPolicy policy = AigwChart.object("default", NetworkPolicy.class, name(owner));
            NetworkPolicyIngressRule ownerApi = policy.getSpec().getIngress().stream()
                    .filter(r -> r.getPorts().get(0).getPort().getStrVal().equals("http")).findFirst().orElseThrow();
            Map<String, String> release = ownerApi.getFrom().get(0).getPodSelector().getMatchLabels();
            Map<String, String> consoleLabels = AigwChart.object("default", Deployment.class, name(CONSOLE))
                    .getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(consoleLabels.entrySet().containsAll(release.entrySet()), owner + " must admit the console's pods");
        }
    }

    @Test
    void shouldRenderNoConsoleWhenTurnedOff(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("no-console-values.yaml"),
                Files.readString(AigwChart.scenarioFile("default")) + "\nconsole:\n  enabled: false\n");

        List<HasMetadata> objects = AigwChart.objects(values);

        assertTrue(objects.stream().noneMatch(o -> o.getMetadata().getName().startsWith(name(CONSOLE))));
    }

    @Test
    void shouldRefuseTheGatewaysHostForTheConsole(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("shared-host-values.yaml"),
                Files.readString(AigwChart.scenarioFile("ingress-hpa")).replace("- host: admin.aigw.example.com",
                        "- host: aigw.example.com"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> AigwChart.template(values));

        assertTrue(error.getMessage().contains("host of its own"), error.getMessage());
    }
}
