package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A replica that was down while changes were made serves them from the moment it is ready again. */
@Order(4)
class ChangesWhileReplicaIsDownIT {

    private static final String STOPPED_REPLICA = "gateway-2";

    private final RunningSuite suite = new RunningSuite();
    private final Replicas replicas = new Replicas(suite);

    @Test
    void changesMadeWhileAReplicaIsDownAreInForceWhenItComesBack() {
        assertTrue(replicas.urls().size() >= 2, "needs two gateway replicas (AIGW_E2E_GATEWAY_URLS): " + replicas.urls());
        String comesBack = replicas.urls().get(1);
        try (RevocationAndScopeChange changes = new RevocationAndScopeChange(new SuiteAdmin(suite), replicas, "replica-down")) {
            Stack.stop(STOPPED_REPLICA);
            try {
                changes.apply();
            } finally {
                Stack.start(STOPPED_REPLICA);
            }

            changes.assertInForceOn(comesBack);
            changes.awaitInForceOnEveryReplica(Duration.ofSeconds(20));
        }
    }
}
