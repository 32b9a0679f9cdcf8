package io.aigw.gateway.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.support.ChangeEventsWriter;
import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SyncReady;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway follows the real `*-changes` topics: events published here take effect through the HTTP API. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ChangeSyncTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    @Inject
    ChangeAssignments assignments;

    private ChangeEventsWriter writer;

    @BeforeEach
    void ready() throws Exception {
        GatewayReady.await();
        SyncReady.await(assignments);
        writer = new ChangeEventsWriter();
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void shouldRefuseARevokedKeyOnceItsRevocationEventIsApplied() throws Exception {
        String publicId = "sy" + random(10);
        String token = ControlPlaneClient.addAccessKey(publicId, "S3cretSync_" + random(20));
        ObjectNode revoked = accessKeyEvent("revoked", publicId, 3);
        models(token).then().statusCode(200);
        ControlPlaneClient.setAccessKeyStatus(publicId, "revoked");
        double appliedBefore = Metrics.value("aigw_sync_events_applied_total{topic=\"access-key-changes\"}");

        writer.send("access-key-changes", revoked);

        // Propagation time is measured by the sync benchmark, not asserted here.
        Metrics.awaitAtLeast("aigw_sync_events_applied_total{topic=\"access-key-changes\"}", appliedBefore + 1);
        awaitStatus(token, 401, 5_000);
    }

    @Test
    void shouldApplyAnEventEncodedTwiceAndDropItsDuplicate() throws Exception {
        String publicId = "sy" + random(10);
        String token = ControlPlaneClient.addAccessKey(publicId, "S3cretSync_" + random(20));
        models(token).then().statusCode(200);
        ControlPlaneClient.setAccessKeyStatus(publicId, "revoked");
        ObjectNode deleted = accessKeyEvent("deleted", publicId, 4);
        double staleBefore = Metrics.value("aigw_sync_events_dropped_total{reason=\"stale\",topic=\"access-key-changes\"}");

        writer.sendEncodedTwice("access-key-changes", deleted);
        awaitStatus(token, 401, 2_000);
        writer.send("access-key-changes", deleted);

        Metrics.awaitAtLeast("aigw_sync_events_dropped_total{reason=\"stale\",topic=\"access-key-changes\"}", staleBefore + 1);
    }

    @Test
    void shouldCountAnEventThatDoesNotParseAndKeepFollowing() throws Exception {
        double before = Metrics.value("aigw_sync_events_dropped_total{reason=\"malformed\",topic=\"config-changes\"}");

        writer.sendRaw("config-changes", "configuration:cfg_broken", "{not json");

        Metrics.awaitAtLeast("aigw_sync_events_dropped_total{reason=\"malformed\",topic=\"config-changes\"}", before + 1);
        String publicId = "sy" + random(10);
        String token = ControlPlaneClient.addAccessKey(publicId, "S3cretSync_" + random(20));
        models(token).then().statusCode(200);
        ControlPlaneClient.setAccessKeyStatus(publicId, "revoked");
        writer.send("access-key-changes", accessKeyEvent("revoked", publicId, 3));
        awaitStatus(token, 401, 2_000);
    }

    @Test
    void shouldResolveANewModelSoonAfterItsCatalogEventWithoutWaitingForTheRefresh() throws Exception {
        String modelId = "sync-" + random(12);
        String chat = "{\"model\":\"" + modelId + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        chat(chat).then().statusCode(400).body("error.code", equalTo("unknown_model"));
        double catalogVersion = Metrics.value("aigw_snapshot_version{document=\"catalog\"}");
        ObjectNode created = ChangeEventsWriter.fixture(ChangeEventsWriter.CATALOG, "model", "created")
                .put("id", "openai:" + modelId).put("version", 1);
        ObjectNode model = ((ObjectNode) created.get("data")).put("providerId", "openai").put("modelId", modelId)
                .put("providerModelId", modelId).put("bareId", true);
        model.putArray("aliases");
        model.putArray("surfaces");
        model.putArray("unsupportedParameters");
        ControlPlaneClient.addCatalogModel(model.toString());

        writer.send("catalog-changes", created);
        long onTopic = System.currentTimeMillis();
        int status = 0;
        while (status != 200 && System.currentTimeMillis() - onTopic < 5_000) {
            Thread.sleep(20);
            status = chat(chat).statusCode();
        }

        chat(chat).then().statusCode(200).header("X-AIGW-Model", "openai:" + modelId);
        // the periodic refresh is off in tests: only the event can have made the new model routable
        assertThat(Metrics.value("aigw_snapshot_version{document=\"catalog\"}"), greaterThan(catalogVersion));
        Management.given().get("/q/metrics").then()
                .body(containsString("aigw_sync_events_applied_total{topic=\"catalog-changes\"}"))
                .body(containsString("aigw_sync_propagation_seconds_count{topic=\"catalog-changes\"}"))
                .body(containsString("aigw_sync_propagation_seconds_bucket{topic=\"catalog-changes\""))
                .body(containsString("aigw_snapshot_age_seconds"))
                .body(containsString("aigw_sync_consumer_lag{topic=\"catalog-changes\"}"))
                .body(containsString("aigw_snapshot_source{source=\"internal-api\"} 1.0"));
    }

    private ObjectNode accessKeyEvent(String type, String publicId, long version) throws Exception {
        ObjectNode event = ChangeEventsWriter.fixture(ChangeEventsWriter.ACCESS_KEYS, "access-key", type)
                .put("id", "ak_" + publicId).put("version", version);
        if (event.get("data").isObject()) {
            ((ObjectNode) event.get("data")).put("id", "ak_" + publicId).put("publicId", publicId)
                    .put("version", version).put("updatedAt", Instant.now().toString());
        }
        return event;
    }

    private static io.restassured.response.Response models(String token) {
        return given().auth().oauth2(token).when().get("/v1/models");
    }

    private static io.restassured.response.Response chat(String body) {
        return given().auth().oauth2(io.aigw.gateway.support.TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body(body).when().post("/v1/chat/completions");
    }

    private static long awaitStatus(String token, int status, long withinMs) throws InterruptedException {
        long until = System.currentTimeMillis() + withinMs;
        while (System.currentTimeMillis() < until) {
            if (models(token).statusCode() == status) {
                return System.currentTimeMillis();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no HTTP " + status + " within " + withinMs + " ms");
    }



    private static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return s.toString();
    }
}
