package io.aigw.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `helm test` calls the gateway's /v1/models; NOTES.txt tells how to reach the gateway and the admin APIs. */
class HelmTestAndNotesTest {

    @Test
    void shouldCallTheGatewayModelsEndpointFromTheHelmTestPod(@TempDir Path dir) {
        Pod pod = AigwChart.objects(AigwChart.templateWithTestHooks("existing-secrets", dir)).stream()
                .filter(Pod.class::isInstance).map(Pod.class::cast).findFirst().orElseThrow();
        Container curl = pod.getSpec().getContainers().get(0);

        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals("http://aigw-gateway-service:8080", Manifests.env(curl, "GATEWAY_URL").orElseThrow().getValue());
        assertEquals("aigw-smoke-test-access-key",
                Manifests.env(curl, "ACCESS_KEY").orElseThrow().getValueFrom().getSecretKeyRef().getName());
        assertTrue(curl.getArgs().get(0).contains("/v1/models"));
        assertTrue(curl.getSecurityContext().getReadOnlyRootFilesystem());
    }

    @Test
    void shouldPrintThePortForwardsForTheGatewayAndTheAdminApis() {
        String notes = AigwChart.notes("default");

        assertTrue(notes.contains("kubectl port-forward -n aigw svc/aigw-gateway-service 8080:8080"), notes);
        assertTrue(notes.contains("svc/aigw-key-service 8081:8081"), notes);
        assertTrue(notes.contains("svc/aigw-config-service 8082:8082"), notes);
        assertTrue(notes.contains("svc/aigw-model-catalog-service 8083:8083"), notes);
        assertTrue(notes.contains("jsonpath='{.data.admin-token}'"), notes);
    }

    @Test
    void shouldPrintTheIngressUrlWhenTheGatewayHasOne() {
        String notes = AigwChart.notes("ingress-hpa");

        assertTrue(notes.contains("https://aigw.example.com/"), notes);
    }
}
