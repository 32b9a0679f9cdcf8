package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Two changes a client notices, prepared so that their "before" holds on every replica:
 * an allow-all access key that will be revoked, and a scoped key whose configuration allows
 * {@code simulator:sim-chat} and will be switched to allow only another model instead.
 */
final class RevocationAndScopeChange implements AutoCloseable {

    static final String FIRST_MODEL = "simulator:sim-chat";

    private final SuiteAdmin admin;
    private final Replicas replicas;
    private final String laterModel;
    private SuiteAdmin.AccessKey revoked;
    private SuiteAdmin.AccessKey scoped;
    private String configuration;

    RevocationAndScopeChange(SuiteAdmin admin, Replicas replicas, String label) {
        this.admin = admin;
        this.replicas = replicas;
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.laterModel = "simulator:e2e-" + label + "-" + run;
        try {
            revoked = admin.createAccessKey("e2e " + label + " revoked", null);
            configuration = admin.createConfiguration("e2e-" + label + "-" + run, List.of(FIRST_MODEL));
            scoped = admin.createAccessKey("e2e " + label + " scoped", configuration);
            for (String gateway : replicas.urls()) {
                Eventually.within(Duration.ofSeconds(30), "the starting state on " + gateway,
                        () -> beforeHolds(gateway), Boolean::booleanValue);
            }
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /** Revokes the first key and swaps the configuration's scope to the later model; both answer 2xx. */
    void apply() {
        admin.revoke(revoked);
        admin.allowModels(configuration, List.of(laterModel));
    }

    /** True once both changes are enforced by this replica. */
    boolean inForceOn(String gateway) {
        return replicas.chat(gateway, revoked.token(), FIRST_MODEL).statusCode() == 401
                && replicas.chat(gateway, scoped.token(), FIRST_MODEL).statusCode() == 403
                && replicas.chat(gateway, scoped.token(), laterModel).statusCode() == 200;
    }

    /** Asserts, without waiting, what a client of this replica sees after both changes. */
    void assertInForceOn(String gateway) {
        HttpResponse<String> revokedKey = replicas.chat(gateway, revoked.token(), FIRST_MODEL);
        assertEquals(401, revokedKey.statusCode(), gateway + ": revoked key: " + revokedKey.body());
        assertEquals("authentication_failed", Replicas.errorCode(revokedKey));
        HttpResponse<String> nowRefused = replicas.chat(gateway, scoped.token(), FIRST_MODEL);
        assertEquals(403, nowRefused.statusCode(), gateway + ": model taken out of the scope: " + nowRefused.body());
        assertEquals("model_not_allowed", Replicas.errorCode(nowRefused));
        HttpResponse<String> nowAllowed = replicas.chat(gateway, scoped.token(), laterModel);
        assertEquals(200, nowAllowed.statusCode(), gateway + ": model added to the scope: " + nowAllowed.body());
    }

    /** Waits until both changes are enforced by every replica, then asserts them on each. */
    void awaitInForceOnEveryReplica(Duration deadline) {
        for (String gateway : replicas.urls()) {
            Eventually.within(deadline, "both changes in force on " + gateway, () -> inForceOn(gateway), Boolean::booleanValue);
            assertInForceOn(gateway);
        }
    }

    private boolean beforeHolds(String gateway) {
        return replicas.chat(gateway, revoked.token(), FIRST_MODEL).statusCode() == 200
                && replicas.chat(gateway, scoped.token(), FIRST_MODEL).statusCode() == 200
                && replicas.chat(gateway, scoped.token(), laterModel).statusCode() == 403;
    }

    /** Deletes the keys, then the configuration (which config-service refuses while keys name it). */
    @Override
    public void close() {
        admin.delete(revoked);
        admin.delete(scoped);
        admin.deleteConfiguration(configuration);
    }
}
