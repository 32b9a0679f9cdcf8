package io.aigw.catalog.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.catalog.Admin;
import io.aigw.catalog.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admin tokens issued by key-service, verified through its internal API (a contract-shaped stub here). */
@QuarkusTest
@QuarkusTestResource(KeyServiceStub.class)
class IssuedAdminTokenTest {

    /** A fresh token of the issued shape: {@code aga-<12 base32>-g1-<40 base62>}. */
    static String newToken() {
        String publicId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String secret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40)
                .toUpperCase();
        return "aga-" + publicId + "-g1-" + secret;
    }

    static String idOf(String token) {
        return "at_" + token.substring(4, 16);
    }

    static int status(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/admin/v1/providers")
                .then().extract().statusCode();
    }

    @AfterEach
    void bringKeyServiceBack() {
        KeyServiceStub.down(false);
    }

    @Test
    void shouldAcceptAnAdminTokenThatKeyServiceIssued() {
        String token = newToken();
        KeyServiceStub.issue(token, idOf(token), null);
        given().header("Authorization", "Bearer " + token).when().get("/admin/v1/providers/openai")
                .then().statusCode(200).body("id", equalTo("openai"));
        assertEquals(1, KeyServiceStub.calls(token), "verified with key-service, with the service token");
    }

    @Test
    void shouldReturn401ProblemForAnIssuedTokenKeyServiceDoesNotKnow() {
        String token = newToken();
        given().header("Authorization", "Bearer " + token).when().delete("/admin/v1/providers/openai")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"));
        assertEquals(1, KeyServiceStub.calls(token));
    }

    @Test
    void shouldCacheAnswersBrieflySoARevocationCountsWithinTheCachePeriod() throws InterruptedException {
        Admin.admin().when().get("/admin/v1/providers").then().statusCode(200); // warm up: cold starts are slow
        String token = newToken();
        KeyServiceStub.issue(token, idOf(token), null);
        assertEquals(200, status(token));
        assertEquals(200, status(token));
        assertEquals(1, KeyServiceStub.calls(token), "the second request is answered from the cache");

        KeyServiceStub.revoke(token);
        long deadline = System.currentTimeMillis() + 8_000;
        while (status(token) == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(401, status(token), "refused once the cached answer expired (test valid-ttl 3 s)");
    }

    @Test
    void shouldRefuseAnIssuedTokenPastItsExpiryEvenIfKeyServiceSaidValid() {
        String token = newToken();
        KeyServiceStub.issue(token, idOf(token), Instant.now().minusSeconds(1));
        assertEquals(401, status(token));
    }

    @Test
    void shouldSendOnlyIssuedShapedTokensToKeyService() {
        String accessKeyShaped = "ag-" + newToken().substring(4);
        String garbage = "not-a-token-" + UUID.randomUUID();
        assertEquals(401, status(accessKeyShaped));
        assertEquals(401, status(garbage));
        assertEquals(0, KeyServiceStub.calls(accessKeyShaped) + KeyServiceStub.calls(garbage));
    }

    @Test
    void shouldNotAcceptIssuedTokensOnTheInternalApi() {
        String token = newToken();
        KeyServiceStub.issue(token, idOf(token), null);
        given().header("Authorization", "Bearer " + token).when().get("/internal/v1/catalog-snapshot")
                .then().statusCode(401);
        assertEquals(0, KeyServiceStub.calls(token));
    }

    @Test
    void shouldAnswer401ForIssuedTokensWhileKeyServiceIsUnreachableAndLogWithoutTheToken() {
        String token = newToken();
        KeyServiceStub.issue(token, idOf(token), null);
        KeyServiceStub.down(true);
        try (LogCapture logs = new LogCapture()) {
            assertEquals(401, status(token));
            Admin.admin().when().get("/admin/v1/providers/openai").then().statusCode(200);
            String text = logs.text();
            assertTrue(text.contains(idOf(token)), "the log names the token id: " + text);
            assertFalse(text.contains(token.substring(20)), "the log never carries the token's secret");
        }
        KeyServiceStub.down(false);
        assertEquals(200, status(token), "a failure is not cached");
    }
}
