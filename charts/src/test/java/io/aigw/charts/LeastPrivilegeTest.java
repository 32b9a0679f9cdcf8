package io.aigw.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static io.aigw.charts.Manifests.container;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege (issue 14): the internet-facing gateway holds no admin token, and the gateway token, the only
 * credential that reads decrypted provider keys, reaches the gateway and key-service alone.
 */
class LeastPrivilegeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldGiveTheGatewayNoAdminToken(String scenario) {
        Container gateway = container(scenario, "gateway-service");

        assertTrue(Manifests.env(gateway, "AIGW_ADMIN_TOKEN").isEmpty(), "AIGW_ADMIN_TOKEN in the gateway's env");
        for (EnvVar env : gateway.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                String key = env.getValueFrom().getSecretKeyRef().getKey();
                assertFalse(key.toLowerCase().replace("_", "-").contains("admin-token"), env.getName() + " reads " + key);
            }
        }
        for (EnvFromSource source : gateway.getEnvFrom()) {
            assertNull(source.getSecretRef(), "a whole Secret mounted as the gateway's environment");
        }
        Map<String, String> config = Manifests.config(scenario, "gateway-service");
        assertFalse(config.containsKey("AIGW_ADMIN_TOKEN"), "AIGW_ADMIN_TOKEN in the gateway's ConfigMap");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldGiveTheGatewayTokenToTheGatewayAndKeyServiceOnly(String scenario) {
        for (String service : Manifests.SERVICES) {
            boolean holds = Manifests.env(container(scenario, service), "AIGW_GATEWAY_TOKEN").isPresent();
            boolean needs = service.equals("gateway-service") || service.equals("key-service");
            assertTrue(holds == needs, service + (needs ? " lacks" : " holds") + " the gateway token");
        }
    }
}
