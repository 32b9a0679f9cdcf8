package io.aigw.charts;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.aigw.charts.Manifests.SERVICES;
import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health, metrics and OpenAPI (`/q/*`) live on each service's management port (issue 14): the gateway's Service and
 * Ingress, the only things outside the cluster reaches, carry the API alone; Prometheus scrapes `-management` Services.
 */
class ManagementExposureTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldGiveTheGatewayServiceOnlyTheApiPort(String scenario) {
        Service gateway = AigwChart.object(scenario, Service.class, name("gateway-service"));

        List<ServicePort> ports = gateway.getSpec().getPorts();
        assertEquals(1, ports.size(), "ports of the gateway's Service");
        assertEquals("http", ports.get(0).getName());
        assertEquals("http", ports.get(0).getTargetPort().getStrVal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldRouteNoQPathThroughTheGatewayIngress(String scenario) {
        for (Ingress ingress : AigwChart.objects(scenario, Ingress.class)) {
            // the admin console's Ingress serves all of its public port (the console and /admin); its /q/* is on the
            // management port, which no Ingress names
            boolean gateway = ingress.getMetadata().getName().equals(Manifests.name("gateway-service"));
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    assertTrue(!gateway || path.getPath().matches("/v1(beta)?(/.*)?"), path.getPath());
                    assertEquals("http", path.getBackend().getService().getPort().getName());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldServeEachManagementPortOnAClusterInternalServiceOfItsOwn(String scenario) {
        for (String service : SERVICES) {
            Service management = AigwChart.object(scenario, Service.class, name(service) + "-management");

            assertEquals("ClusterIP", management.getSpec().getType(), service);
            assertEquals(1, management.getSpec().getPorts().size(), service);
            assertEquals("management", management.getSpec().getPorts().get(0).getName(), service);
            assertEquals("management", management.getSpec().getPorts().get(0).getTargetPort().getStrVal(), service);
            assertEquals(service, management.getSpec().getSelector().get("app.kubernetes.io/component"), service);
            assertEquals("management", management.getMetadata().getLabels().get("aigw.dev/interface"), service);
        }
    }

    @Test
    void shouldRefuseAnIngressPathOutsideTheApi(@TempDir Path dir) throws IOException {
        for (String path : List.of("/", "/q", "/q/metrics", "/v1x")) {
            Path values = Files.writeString(dir.resolve("root-path-" + path.length() + "-values.yaml"),
                    Files.readString(AigwChart.scenarioFile("ingress-hpa")).replace("- path: /v1\n", "- path: " + path + "\n"));

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> AigwChart.template(values));

            assertTrue(error.getMessage().contains("path"), error.getMessage());
        }
    }
}
