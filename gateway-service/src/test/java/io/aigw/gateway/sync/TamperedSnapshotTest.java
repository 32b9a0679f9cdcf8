package io.aigw.gateway.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.SavedSnapshotResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica that finds in Redis a snapshot altered after it was sealed (whoever can write Redis pointed the providers
 * at their own host, to receive the decrypted provider keys) never uses it: it loads from the internal APIs and sends
 * requests where the catalog says (issue 14, signed snapshot).
 */
@QuarkusTest
@TestProfile(TamperedSnapshotTest.Tampered.class)
class TamperedSnapshotTest {

    @Test
    void shouldIgnoreASnapshotAlteredAfterItsSealAndServeFromTheInternalApis() {
        GatewayReady.await();
        SimulatorClient.clear();

        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.data.source", not(hasItem("redis")))
                .body("checks.data.version", not(hasItem("c" + SavedSnapshotResource.SAVED_CATALOG_VERSION + ".g9.k17")));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).header("X-AIGW-Provider", equalTo("openai"));
        // served by the simulator the real catalog names, not by the address the altered snapshot gave
        org.hamcrest.MatcherAssert.assertThat(SimulatorClient.received("/v1/chat/completions").size(), equalTo(1));
    }

    public static class Tampered implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SavedSnapshotResource.class,
                    Map.of(SavedSnapshotResource.TAMPERED, "true")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
