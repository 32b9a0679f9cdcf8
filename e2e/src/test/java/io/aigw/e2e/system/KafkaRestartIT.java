package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The broker killed and restarted: changes made meanwhile wait in the services' outboxes and reach
 * every replica once Kafka is back (SPEC §3: a committed change is never lost).
 */
@Order(5)
class KafkaRestartIT {

    private final RunningSuite suite = new RunningSuite();
    private final SuiteAdmin admin = new SuiteAdmin(suite);
    private final Replicas replicas = new Replicas(suite);

    @Test
    void killingAndRestartingKafkaLosesNoChange() {
        assertTrue(replicas.urls().size() >= 2, "needs two gateway replicas (AIGW_E2E_GATEWAY_URLS): " + replicas.urls());
        String providerKey = null;
        try (RevocationAndScopeChange changes = new RevocationAndScopeChange(admin, replicas, "kafka-restart")) {
            Stack.stop("kafka");
            try {
                changes.apply();
                // Last, so that the provider-key reload it causes reads key-service's latest version.
                providerKey = admin.createProviderKey("simulator", "e2e kafka restart", "sim-key-2");
            } finally {
                Stack.start("kafka");
            }

            changes.awaitInForceOnEveryReplica(Duration.ofSeconds(60));
            SnapshotVersion services = replicas.servicesVersion();
            List<SnapshotVersion> versions = Eventually.within(Duration.ofSeconds(60),
                    "every replica on the services' snapshot versions " + services,
                    replicas::snapshotVersions, v -> v.stream().allMatch(services::equals));
            assertEquals(List.of(services, services), versions.subList(0, 2), "both replicas on " + services);
        } finally {
            admin.deleteProviderKey(providerKey);
        }
    }
}
