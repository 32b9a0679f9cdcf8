package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A revocation made through key-service is enforced by every gateway replica (SPEC §2.1, §3). */
@Order(2)
class RevocationOnBothReplicasIT {

    private final RunningSuite suite = new RunningSuite();
    private final SuiteAdmin admin = new SuiteAdmin(suite);
    private final Replicas replicas = new Replicas(suite);

    @Test
    void revokedKeyIsRefusedOnBothReplicas() {
        assertTrue(replicas.urls().size() >= 2, "needs two gateway replicas (AIGW_E2E_GATEWAY_URLS): " + replicas.urls());
        SuiteAdmin.AccessKey key = admin.createAccessKey("e2e revoked on both replicas", null);
        try {
            for (String gateway : replicas.urls()) {
                assertEquals(200, replicas.chat(gateway, key.token(), "simulator:sim-chat").statusCode(), gateway);
            }

            admin.revoke(key);

            for (String gateway : replicas.urls()) {
                HttpResponse<String> refused = Eventually.within(Duration.ofSeconds(20), "revoked key refused by " + gateway,
                        () -> replicas.chat(gateway, key.token(), "simulator:sim-chat"), r -> r.statusCode() == 401);
                assertEquals("authentication_failed", Replicas.errorCode(refused), gateway);
            }
        } finally {
            admin.delete(key);
        }
    }
}
