package io.aigw.gateway.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.SavedSnapshotResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new replica starts from the snapshot another one saved in Redis, with catalog and config services down. */
@QuarkusTest
@TestProfile(ColdStartFromRedisTest.SavedSnapshot.class)
class ColdStartFromRedisTest {

    @Test
    void shouldBecomeReadyAndServeFromTheSavedSnapshotWhileTheAdminServicesAreDown() {
        GatewayReady.await();

        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.data.source", hasItem("redis"))
                .body("checks.data.version", hasItem("c" + SavedSnapshotResource.SAVED_CATALOG_VERSION + ".g9.k17"));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).header("X-AIGW-Provider", equalTo("openai"));
        Management.given().get("/q/metrics").then().body(containsString("aigw_snapshot_source{source=\"redis\"} 1.0"));
    }

    public static class SavedSnapshot implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SavedSnapshotResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
