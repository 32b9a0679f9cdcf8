package io.aigw.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refusing a stranger costs the gateway nothing remote (issue 14): unknown key ids are answered from memory after the
 * first miss, and an address past its failed authentications (test limit: 100 a minute) is refused before any look-up.
 * Each test comes from its own forwarded address (proxy-address forwarding is on in tests).
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class CheapRefusalsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    private static String unknownKey() {
        StringBuilder id = new StringBuilder("nx");
        for (int i = 0; i < 8; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz234567".charAt(RANDOM.nextInt(32)));
        }
        return "ag-" + id + "-g1-S3cretUnknown_abcdefghijklmn";
    }

    private static int models(String key, String address) {
        return given().auth().oauth2(key).header("X-Forwarded-For", address).when().get("/v1/models").statusCode();
    }

    @Test
    void shouldAnswerAnUnknownKeyFromMemoryAfterItsFirstMiss() throws Exception {
        String key = unknownKey();
        int before = ControlPlaneClient.accessKeyLookups();
        for (int i = 0; i < 12; i++) {
            assertThat(models(key, "198.51.100.1"), equalTo(401));
            Thread.sleep(200);
        }
        assertThat(ControlPlaneClient.accessKeyLookups() - before, equalTo(1));
    }

    @Test
    void shouldRefuseAnAddressPastItsFailedAuthenticationsBeforeAnyLookUp() {
        for (int i = 0; i < 100; i++) {
            assertThat(models(unknownKey(), "198.51.100.2"), equalTo(401));
        }
        int before = ControlPlaneClient.accessKeyLookups();
        given().auth().oauth2(unknownKey()).header("X-Forwarded-For", "198.51.100.2").when().get("/v1/models")
                .then().statusCode(429).header("Retry-After", "60")
                .header("X-AIGW-Request-Id", org.hamcrest.Matchers.startsWith("req_"));
        assertThat(ControlPlaneClient.accessKeyLookups(), equalTo(before));
        assertThat(models(TestKeys.ALLOW_ALL, "198.51.100.3"), equalTo(200));
    }
}
