package io.aigw.gateway.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka unreachable: the snapshot still loads from the internal APIs, the gateway is ready, alive and serves. */
@QuarkusTest
@TestProfile(KafkaDownTest.KafkaDown.class)
class KafkaDownTest {

    @Test
    void shouldServeAndStayReadyAndLiveWhenKafkaIsUnreachable() {
        GatewayReady.await();
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        Management.given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Readiness stops waiting to catch up with Kafka after catch-up-timeout (30 s by default)
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "aigw.gateway.catch-up-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GatewayTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
