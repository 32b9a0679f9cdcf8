package io.aigw.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.aigw.charts.Manifests.SERVICES;
import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway behind an Ingress and an HPA (ci/ingress-hpa-values.yaml), and what defaults leave out. */
class GatewayExposureTest {

    private static final String SCENARIO = "ingress-hpa";

    @Test
    void shouldRouteTheIngressHostToTheGatewayServiceOverTls() {
        Ingress ingress = AigwChart.object(SCENARIO, Ingress.class, name("gateway-service"));

        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals("aigw.example.com", ingress.getSpec().getRules().get(0).getHost());
        HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertEquals("/v1", path.getPath());
        assertEquals("Prefix", path.getPathType());
        assertEquals(name("gateway-service"), path.getBackend().getService().getName());
        assertEquals("http", path.getBackend().getService().getPort().getName());
        assertEquals("aigw-example-com-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals("off", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-buffering"));
    }

    @Test
    void shouldScaleTheGatewayWithAnHpaThatOwnsTheReplicaCount() {
        HorizontalPodAutoscaler hpa = AigwChart.object(SCENARIO, HorizontalPodAutoscaler.class, name("gateway-service"));

        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(name("gateway-service"), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(12, hpa.getSpec().getMaxReplicas());
        Map<String, Integer> targets = hpa.getSpec().getMetrics().stream().collect(Collectors.toMap(
                m -> m.getResource().getName(), (MetricSpec m) -> m.getResource().getTarget().getAverageUtilization()));
        assertEquals(Map.of("cpu", 65, "memory", 80), targets);
        assertNull(AigwChart.object(SCENARIO, Deployment.class, name("gateway-service")).getSpec().getReplicas(),
                "the Deployment must leave replicas to the HPA");
    }

    @Test
    void shouldSpreadGatewayPodsAndSendTheRedisPasswordOverTls() {
        Deployment gateway = AigwChart.object(SCENARIO, Deployment.class, name("gateway-service"));

        assertEquals("kubernetes.io/hostname",
                gateway.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0).getTopologyKey());
        assertEquals("rediss://redis.data.svc:6379", Manifests.config(SCENARIO, "gateway-service").get("AIGW_REDIS_URL"));
        assertEquals("redis-password", Manifests.env(Manifests.container(SCENARIO, "gateway-service"),
                "QUARKUS_REDIS_PASSWORD").orElseThrow().getValueFrom().getSecretKeyRef().getKey());
    }

    @Test
    void shouldRenderAServiceMonitorPerServiceOnTheManagementServices() {
        List<ServiceMonitor> monitors = AigwChart.objects(SCENARIO, ServiceMonitor.class);

        assertEquals(SERVICES.size() + 1, monitors.size(), "the four services and the admin console");
        for (ServiceMonitor monitor : monitors) {
            assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
            assertEquals("management", monitor.getSpec().getEndpoints().get(0).getPort());
            assertEquals("management", monitor.getSpec().getSelector().getMatchLabels().get("aigw.dev/interface"));
            assertEquals("prometheus", monitor.getMetadata().getLabels().get("release"));
        }
    }

    @Test
    void shouldRenderNoIngressHpaOrServiceMonitorByDefault() {
        List<HasMetadata> objects = AigwChart.objects(AigwChart.template("default"));

        assertTrue(objects.stream().noneMatch(o -> o instanceof Ingress || o instanceof HorizontalPodAutoscaler
                || o instanceof ServiceMonitor));
        assertEquals(2, AigwChart.object("default", Deployment.class, name("gateway-service")).getSpec().getReplicas());
    }
}
