package io.aigw.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.aigw.charts.Manifests.SERVICES;
import static io.aigw.charts.Manifests.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ci/existing-secrets-values.yaml: every secret lives in Secrets managed outside the chart. */
class ExistingSecretsScenarioTest {

    private static final String SCENARIO = "existing-secrets";

    @Test
    void shouldRenderNoSecretOfItsOwn() {
        assertTrue(AigwChart.objects(SCENARIO, Secret.class).isEmpty());
    }

    @Test
    void shouldReadTheSuiteSecretsFromTheExistingSecretUnderItsKeyNames() {
        Container keyService = container(SCENARIO, "key-service");

        assertEquals(ref("aigw-app-secrets", "MASTER_KEY"), secretRef(keyService, "AIGW_MASTER_KEY"));
        assertEquals(ref("aigw-app-secrets", "MASTER_KEY_ID"), secretRef(keyService, "AIGW_MASTER_KEY_ID"));
        assertEquals(ref("aigw-app-secrets", "KEY_PEPPER"), secretRef(keyService, "AIGW_KEY_PEPPER"));
        assertEquals(ref("aigw-app-secrets", "PREVIOUS_MASTER_KEYS"), secretRef(keyService, "AIGW_PREVIOUS_MASTER_KEYS"));
        assertTrue(Manifests.env(keyService, "AIGW_PREVIOUS_MASTER_KEYS").orElseThrow().getValueFrom().getSecretKeyRef()
                .getOptional(), "a Secret without previous master keys must not block the pod");
        assertEquals(ref("aigw-db-credentials", "password"), secretRef(keyService, "AIGW_DB_PASSWORD"));
        for (String service : SERVICES) {
            Container c = container(SCENARIO, service);
            if (!service.equals("gateway-service")) {
                assertEquals(ref("aigw-app-secrets", "ADMIN_TOKEN"), secretRef(c, "AIGW_ADMIN_TOKEN"), service);
            }
            if (service.equals("gateway-service") || service.equals("key-service")) {
                assertEquals(ref("aigw-app-secrets", "GATEWAY_TOKEN"), secretRef(c, "AIGW_GATEWAY_TOKEN"), service);
            }
            assertEquals(ref("aigw-app-secrets", "SERVICE_TOKEN"), secretRef(c, "AIGW_SERVICE_TOKEN"), service);
            assertEquals(ref("aigw-kafka-credentials", "sasl-jaas-config"), secretRef(c, "KAFKA_SASL_JAAS_CONFIG"), service);
        }
        assertEquals(ref("aigw-redis-credentials", "redis-password"),
                secretRef(container(SCENARIO, "gateway-service"), "QUARKUS_REDIS_PASSWORD"));
    }

    @Test
    void shouldPassKafkaSecurityAndDatabaseNamesAsPlainConfiguration() {
        Map<String, String> config = Manifests.config(SCENARIO, "config-service");

        assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"));
        assertEquals("prod_aigw_config", config.get("AIGW_DB_NAME"));
        assertEquals("aigw_app", config.get("AIGW_DB_USER"));
        assertFalse(config.containsKey("AIGW_DB_PASSWORD"));
        assertEquals("vllm.models.svc", Manifests.config(SCENARIO, "model-catalog-service").get("AIGW_ALLOWED_HTTP_HOSTS"));
        // the gateway checks the addresses it dials against the same allow-list
        assertEquals("vllm.models.svc", Manifests.config(SCENARIO, "gateway-service").get("AIGW_ALLOWED_HTTP_HOSTS"));
    }

    private static SecretKeySelector secretRef(Container container, String env) {
        SecretKeySelector ref = Manifests.env(container, env).orElseThrow(() -> new AssertionError(env))
                .getValueFrom().getSecretKeyRef();
        return new SecretKeySelector(ref.getKey(), ref.getName(), null);
    }

    private static SecretKeySelector ref(String name, String key) {
        return new SecretKeySelector(key, name, null);
    }
}
