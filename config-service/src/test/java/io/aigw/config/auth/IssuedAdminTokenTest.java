package io.aigw.config.auth;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.KeyServiceStubControl.answer;
import static io.aigw.config.support.KeyServiceStubControl.calls;
import static io.aigw.config.support.KeyServiceStubControl.mode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.config.support.KeyServiceStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admin tokens issued by key-service ({@code aga-…}), verified through its internal API (a stub here). */
@QuarkusTest
@WithTestResource(value = KeyServiceStub.class, scope = TestResourceScope.GLOBAL)
class IssuedAdminTokenTest {

    private static final String PATH = "/admin/v1/configurations";

    /** A token shaped as key-service issues them: {@code aga-<12 base32>-g1-<40 base62>}. */
    private static String issuedToken() {
        String publicId = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String secret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40).toUpperCase(Locale.ROOT);
        return "aga-" + publicId + "-g1-" + secret;
    }

    private static String valid(String token, Instant expiresAt) {
        String id = "at_" + token.substring(4, 16);
        return "{\"valid\":true,\"id\":\"" + id + "\",\"expiresAt\":" + (expiresAt == null ? "null" : "\"" + expiresAt + "\"") + "}";
    }

    private static int status(String token) {
        return given().header("Authorization", "Bearer " + token).when().get(PATH).then().extract().statusCode();
    }

    @AfterEach
    void keyServiceBackUp() {
        mode("up");
    }

    @Test
    void shouldAcceptAnIssuedTokenThatKeyServiceVerifiesOnAdminApisOnly() {
        String token = issuedToken();
        answer(token, valid(token, null));
        given().header("Authorization", "Bearer " + token).when().get(PATH)
                .then().statusCode(200).body("data", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + token).when().get("/internal/v1/config-snapshot")
                .then().statusCode(401);
        assertEquals(1, calls(token), "key-service saw the token, asked with the service token");
    }

    @Test
    void shouldRefuseAnIssuedTokenThatKeyServiceCallsInvalidWith401Problem() {
        String token = issuedToken(); // unknown to key-service: {"valid":false,...}
        given().header("Authorization", "Bearer " + token).when().get(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"));
        assertEquals(1, calls(token));
    }

    @Test
    void shouldReuseAValidAnswerBrieflyAndRefuseARevokedTokenWithinSeconds() {
        String token = issuedToken();
        answer(token, valid(token, null));
        assertEquals(200, status(token));
        assertEquals(200, status(token));
        assertEquals(200, status(token));
        assertEquals(1, calls(token), "answers are cached, not asked per request");

        answer(token, "{\"valid\":false,\"id\":null,\"expiresAt\":null}"); // revoked in key-service
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> status(token) == 401);
        assertTrue(System.nanoTime() - revokedAt < Duration.ofSeconds(6).toNanos());
    }

    @Test
    void shouldAcceptANewlyIssuedTokenSoonAfterAnInvalidAnswer() {
        String token = issuedToken();
        assertEquals(401, status(token));
        answer(token, valid(token, null));
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> status(token) == 200);
    }

    @Test
    void shouldStopAcceptingAnIssuedTokenAtItsExpiryEvenWhenTheAnswerIsCached() throws Exception {
        String token = issuedToken();
        answer(token, valid(token, Instant.now().plusMillis(1200)));
        assertEquals(200, status(token));
        Thread.sleep(1500);
        assertEquals(401, status(token));
    }

    @Test
    void shouldSendOnlyAgaShapedTokensToKeyService() {
        String accessKey = "ag-" + issuedToken().substring(4);
        String truncated = issuedToken().substring(0, 20);
        for (String token : List.of(accessKey, truncated, "aga-", "wrong-token")) {
            assertEquals(401, status(token), token);
            assertEquals(0, calls(token), "not sent to key-service: " + token);
        }
    }

    @Test
    void shouldKeepTheBootstrapTokenWhileKeyServiceIsUnreachableAndLogWithoutTheToken() {
        String token = issuedToken();
        answer(token, valid(token, null));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(io.aigw.kit.auth.RemoteIssuedTokenVerifier.class.getName());
        logger.addHandler(handler);
        try {
            mode("down");
            assertEquals(401, status(token));
            admin().when().get(PATH).then().statusCode(200);
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), "one log line for the refused token: " + warnings);
        String line = warnings.get(0);
        assertTrue(line.contains("at_" + token.substring(4, 16)), line);
        assertFalse(line.contains(token.substring(20)), "the secret is never logged: " + line);

        mode("up");
        assertEquals(200, status(token), "a failed call is not cached");
    }

    @Test
    void shouldRefuseIssuedTokensWhenKeyServiceFailsOrAnswersTooSlowly() {
        String failing = issuedToken();
        answer(failing, valid(failing, null));
        mode("error");
        assertEquals(401, status(failing));

        String slow = issuedToken();
        answer(slow, valid(slow, null));
        mode("slow");
        long start = System.nanoTime();
        assertEquals(401, status(slow));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(1400).toNanos(), "gave up at the time limit");
        admin().when().get(PATH).then().statusCode(200);
    }
}
