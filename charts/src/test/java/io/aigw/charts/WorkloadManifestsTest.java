package io.aigw.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.aigw.charts.Manifests.SERVICES;
import static io.aigw.charts.Manifests.container;
import static io.aigw.charts.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What users rely on in every rendered workload: probes, resources, hardening, secrets by reference, labels. */
class WorkloadManifestsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldProbeEveryServiceOnQuarkusHealthEndpointsOfTheManagementPort(String scenario) {
        for (String service : SERVICES) {
            Container c = container(scenario, service);
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), service);
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), service);
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), service);
            for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), service);
            }
            assertEquals("http", c.getPorts().get(0).getName(), service);
            assertEquals("management", c.getPorts().get(1).getName(), service);
            assertEquals(c.getPorts().get(0).getContainerPort() + 1000, c.getPorts().get(1).getContainerPort(), service);
            assertEquals(String.valueOf(c.getPorts().get(1).getContainerPort()),
                    Manifests.config(scenario, service).get("QUARKUS_MANAGEMENT_PORT"), service);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldSetCpuAndMemoryRequestsAndLimitsOnEveryContainer(String scenario) {
        for (HasMetadata object : AigwChart.objects(AigwChart.template(scenario))) {
            for (Container c : Manifests.podSpec(object).map(PodSpec::getContainers).orElse(List.of())) {
                String id = object.getMetadata().getName() + "/" + c.getName();
                assertEquals(Set.of("cpu", "memory"), c.getResources().getRequests().keySet(), id);
                assertEquals(Set.of("cpu", "memory"), c.getResources().getLimits().keySet(), id);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldRunEveryPodNonRootWithoutPrivilegesOrCapabilities(String scenario) {
        for (HasMetadata object : AigwChart.objects(AigwChart.template(scenario))) {
            PodSpec pod = Manifests.podSpec(object).orElse(null);
            if (pod == null) {
                continue;
            }
            String id = object.getKind() + "/" + object.getMetadata().getName();
            PodSecurityContext podContext = pod.getSecurityContext();
            assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), id);
            assertEquals("RuntimeDefault", podContext.getSeccompProfile().getType(), id);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), id);
            assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(), id);
            for (Container c : pod.getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), id);
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), id);
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), id);
                // Only the trial Kafka keeps a writable root: its start script writes its own configuration.
                boolean writableRootAllowed = c.getName().equals("kafka");
                assertEquals(!writableRootAllowed, sc.getReadOnlyRootFilesystem(), id);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldReadEverySecretThroughASecretKeyRefAndNeverInlineIt(String scenario) {
        for (HasMetadata object : AigwChart.objects(AigwChart.template(scenario))) {
            for (Container c : Manifests.podSpec(object).map(PodSpec::getContainers).orElse(List.of())) {
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (Manifests.SECRET_ENV.contains(env.getName())) {
                        String id = object.getMetadata().getName() + " " + env.getName();
                        assertNull(env.getValue(), id + " is inlined");
                        assertNotNull(env.getValueFrom().getSecretKeyRef(), id + " is not a secretKeyRef");
                    }
                }
            }
        }
        List<String> secretValues = Manifests.secretValues(AigwChart.values(scenario));
        for (String document : AigwChart.documents(AigwChart.template(scenario))) {
            if (document.contains("\nkind: Secret\n")) {
                continue;
            }
            for (String secret : secretValues) {
                assertFalse(document.contains(secret), "a secret value appears outside a Secret in:\n" + document);
            }
        }
    }

    @Test
    void shouldGiveEachServiceOnlyTheSecretsItNeeds() {
        Map<String, Set<String>> expected = Map.of(
                "gateway-service", Set.of("AIGW_SERVICE_TOKEN", "AIGW_GATEWAY_TOKEN", "AIGW_KEY_PEPPER"),
                "key-service", Set.of("AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_GATEWAY_TOKEN", "AIGW_KEY_PEPPER",
                        "AIGW_MASTER_KEY", "AIGW_MASTER_KEY_ID", "AIGW_PREVIOUS_MASTER_KEYS", "AIGW_DB_PASSWORD"),
                "config-service", Set.of("AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_DB_PASSWORD"),
                "model-catalog-service", Set.of("AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_DB_PASSWORD"));
        for (String service : SERVICES) {
            Set<String> secretEnv = container("default", service).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .map(EnvVar::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(expected.get(service)), secretEnv, service);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldLabelEveryObjectWithTheFullAppKubernetesIoSet(String scenario) {
        for (HasMetadata object : AigwChart.objects(AigwChart.template(scenario))) {
            Map<String, String> labels = object.getMetadata().getLabels();
            String id = object.getKind() + "/" + object.getMetadata().getName();
            assertEquals("aigw", labels.get("app.kubernetes.io/name"), id);
            assertEquals(AigwChart.RELEASE, labels.get("app.kubernetes.io/instance"), id);
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), id);
            assertEquals("aigw", labels.get("app.kubernetes.io/part-of"), id);
            assertNotNull(labels.get("app.kubernetes.io/version"), id);
            assertTrue(labels.get("helm.sh/chart").startsWith("aigw-"), id);
            if (!(object instanceof Secret) && !(object instanceof ServiceAccount)) {
                assertNotNull(labels.get("app.kubernetes.io/component"), id);
            }
        }
    }

    @Test
    void shouldSelectEachServicesPodsByComponentAndCoverThemWithADisruptionBudget() {
        for (String service : SERVICES) {
            Deployment deployment = AigwChart.object("default", Deployment.class, name(service));
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertEquals(service, selector.get("app.kubernetes.io/component"));
            assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(selector.entrySet()), service);
            PodDisruptionBudget pdb = AigwChart.object("default", PodDisruptionBudget.class, name(service));
            assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels(), service);
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), service);
        }
    }

    @Test
    void shouldAnnotatePodsForPrometheusScrapingOfQuarkusMetricsOnTheManagementPort() {
        for (String service : SERVICES) {
            Map<String, String> annotations = AigwChart.object("default", Deployment.class, name(service))
                    .getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), service);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), service);
            assertEquals(String.valueOf(container("default", service).getPorts().get(1).getContainerPort()),
                    annotations.get("prometheus.io/port"), service);
        }
    }

    @Test
    void shouldRollOnlyThePodsWhoseConfigurationChanged(@TempDir Path dir) throws IOException {
        Path changed = Files.writeString(dir.resolve("changed-values.yaml"),
                Files.readString(AigwChart.scenarioFile("default")) + "keyService:\n  javaOpts: -Xmx300m\n");
        List<HasMetadata> after = AigwChart.objects(changed);

        for (String service : SERVICES) {
            String before = checksum(AigwChart.objects(AigwChart.template("default")), service);
            if (service.equals("key-service")) {
                assertNotEquals(before, checksum(after, service), service);
            } else {
                assertEquals(before, checksum(after, service), service);
            }
        }
    }

    @Test
    void shouldWireTheGatewayToTheOtherServicesRedisAndItsPodName() {
        Map<String, String> config = Manifests.config("default", "gateway-service");
        assertEquals("http://aigw-key-service:8081", config.get("AIGW_KEYS_URL"));
        assertEquals("http://aigw-config-service:8082", config.get("AIGW_CONFIG_URL"));
        assertEquals("http://aigw-model-catalog-service:8083", config.get("AIGW_CATALOG_URL"));
        assertEquals("redis://redis.data.svc:6379", config.get("AIGW_REDIS_URL"));
        assertEquals("8080", config.get("QUARKUS_HTTP_PORT"));
        assertEquals("-Xmx96m -XX:SurvivorRatio=4 -XX:TrimNativeHeapInterval=5000", config.get("JAVA_OPTS_APPEND"));
        EnvVar instanceId = Manifests.env(container("default", "gateway-service"), "AIGW_GATEWAY_INSTANCE_ID").orElseThrow();
        assertEquals("metadata.name", instanceId.getValueFrom().getFieldRef().getFieldPath());
        assertEquals("aigw-gateway-service", container("default", "gateway-service").getEnvFrom().get(0)
                .getConfigMapRef().getName());
    }

    @Test
    void shouldStartTheGatewayWithOneCollectorAndTwoMallocArenas(@TempDir Path dir) throws IOException {
        Map<String, String> config = Manifests.config("default", "gateway-service");
        // the image's start script puts GC_CONTAINER_OPTIONS in place of its -XX:+UseParallelGC; a collector flag in
        // JAVA_OPTS_APPEND as well would be a second one, and the JVM refuses to start with two
        assertEquals("-XX:+UseSerialGC", config.get("GC_CONTAINER_OPTIONS"));
        assertFalse(config.get("JAVA_OPTS_APPEND").matches(".*-XX:\\+Use\\w+GC.*"), config.get("JAVA_OPTS_APPEND"));
        assertEquals("2", config.get("MALLOC_ARENA_MAX"));
        assertNull(Manifests.config("default", "key-service").get("MALLOC_ARENA_MAX"));

        Path glibcDefault = Files.writeString(dir.resolve("arenas-values.yaml"),
                Files.readString(AigwChart.scenarioFile("default")) + "gateway:\n  mallocArenaMax: 0\n  gcOptions: \"\"\n");
        Map<String, String> unset = AigwChart.objects(glibcDefault).stream()
                .filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals(name("gateway-service")))
                .map(o -> ((ConfigMap) o).getData()).findFirst().orElseThrow();
        assertNull(unset.get("MALLOC_ARENA_MAX"));
        assertNull(unset.get("GC_CONTAINER_OPTIONS"));
    }

    @Test
    void shouldPointTheAdminServicesAtKeyServiceToVerifyIssuedAdminTokens() {
        for (String service : List.of("config-service", "model-catalog-service")) {
            assertEquals("http://aigw-key-service:8081", Manifests.config("default", service).get("AIGW_KEYS_URL"),
                    service);
        }
    }

    @Test
    void shouldPointTheCatalogAtConfigServiceToAskForTheReferrersOfWhatItDeletes() {
        assertEquals("http://aigw-config-service:8082",
                Manifests.config("default", "model-catalog-service").get("AIGW_CONFIG_URL"));
    }

    @Test
    void shouldGiveEachDatabaseServiceItsOwnDatabaseAndTheSharedKafka() {
        Map<String, String> databases = Map.of("key-service", "aigw_keys", "config-service", "aigw_config",
                "model-catalog-service", "aigw_catalog");
        databases.forEach((service, database) -> {
            Map<String, String> config = Manifests.config("default", service);
            assertEquals(database, config.get("AIGW_DB_NAME"), service);
            assertEquals("postgres.data.svc", config.get("AIGW_DB_HOST"), service);
            assertEquals("5432", config.get("AIGW_DB_PORT"), service);
        });
        for (String service : SERVICES) {
            assertEquals("kafka-0.kafka.data.svc:9092,kafka-1.kafka.data.svc:9092",
                    Manifests.config("default", service).get("AIGW_KAFKA_BOOTSTRAP"), service);
        }
        assertEquals("false", Manifests.config("default", "model-catalog-service").get("AIGW_ALLOW_LOOPBACK_UPSTREAMS"));
        assertFalse(Manifests.config("default", "model-catalog-service").containsKey("AIGW_ALLOWED_HTTP_HOSTS"));
    }

    @Test
    void shouldPullTheServiceImagesFromGhcrAtTheAppVersion() {
        for (String service : SERVICES) {
            assertEquals("ghcr.io/aigw/" + service + ":0.1.0-SNAPSHOT", container("default", service).getImage());
        }
    }

    private static String checksum(List<HasMetadata> objects, String service) {
        return objects.stream()
                .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name(service)))
                .map(o -> ((Deployment) o).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"))
                .findFirst()
                .orElseThrow();
    }
}
