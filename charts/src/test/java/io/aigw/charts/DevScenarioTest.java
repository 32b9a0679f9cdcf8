package io.aigw.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ci/dev-values.yaml: a trial install with Kafka (KRaft), PostgreSQL and Redis inside the release. */
class DevScenarioTest {

    private static final String SCENARIO = "dev";

    @Test
    void shouldRunKafkaInKraftCombinedModeFromTheOfficialImage() {
        Container kafka = AigwChart.object(SCENARIO, StatefulSet.class, name("kafka"))
                .getSpec().getTemplate().getSpec().getContainers().get(0);

        assertTrue(kafka.getImage().startsWith("docker.io/apache/kafka:"), kafka.getImage());
        assertEquals("broker,controller", Manifests.env(kafka, "KAFKA_PROCESS_ROLES").orElseThrow().getValue());
        assertEquals("PLAINTEXT://aigw-kafka:9092", Manifests.env(kafka, "KAFKA_ADVERTISED_LISTENERS").orElseThrow().getValue());
        assertEquals("1", Manifests.env(kafka, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").orElseThrow().getValue());
        assertEquals(9092, AigwChart.object(SCENARIO, Service.class, name("kafka")).getSpec().getPorts().get(0).getPort());
    }

    @Test
    void shouldCreateTheThreeDatabasesWhenPostgresqlFirstStarts() {
        StatefulSet postgresql = AigwChart.object(SCENARIO, StatefulSet.class, name("postgresql"));
        String script = AigwChart.object(SCENARIO, ConfigMap.class, name("postgresql") + "-init")
                .getData().get("create-databases.sh");

        assertTrue(script.contains("for db in aigw_keys aigw_config aigw_catalog; do"), script);
        assertTrue(script.contains("CREATE DATABASE"), script);
        assertTrue(postgresql.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/docker-entrypoint-initdb.d")));
        assertTrue(postgresql.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                .startsWith("docker.io/library/postgres:"));
    }

    @Test
    void shouldRunRedisWithAPasswordFromTheChartSecret() {
        Container redis = AigwChart.object(SCENARIO, Deployment.class, name("redis"))
                .getSpec().getTemplate().getSpec().getContainers().get(0);

        assertTrue(redis.getImage().startsWith("docker.io/library/redis:"), redis.getImage());
        assertEquals("redis-password",
                Manifests.env(redis, "REDIS_PASSWORD").orElseThrow().getValueFrom().getSecretKeyRef().getKey());
        Secret secret = AigwChart.object(SCENARIO, Secret.class, "aigw");
        assertTrue(secret.getData().keySet().containsAll(java.util.Set.of("redis-password", "database-password")));
    }

    @Test
    void shouldPointTheServicesAtTheDependenciesInsideTheRelease() {
        Map<String, String> gateway = Manifests.config(SCENARIO, "gateway-service");
        Map<String, String> keys = Manifests.config(SCENARIO, "key-service");

        assertEquals("aigw-kafka:9092", gateway.get("AIGW_KAFKA_BOOTSTRAP"));
        assertEquals("redis://aigw-redis:6379", gateway.get("AIGW_REDIS_URL"));
        assertEquals("aigw-postgresql", keys.get("AIGW_DB_HOST"));
        assertEquals("aigw", keys.get("AIGW_DB_USER"));
        assertEquals("false", keys.get("AIGW_LOG_JSON"));
        assertTrue(AigwChart.objects(SCENARIO, PodDisruptionBudget.class).isEmpty());
    }
}
