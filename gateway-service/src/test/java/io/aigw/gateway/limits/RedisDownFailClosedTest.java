package io.aigw.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Redis unreachable with `limitsFailMode: closed`: keys with limits are refused, keys without are served (no limit check; their records come from key-service). */
@QuarkusTest
@TestProfile(RedisDownProfile.FailClosed.class)
class RedisDownFailClosedTest {

    @Test
    void shouldRefuseALimitedKeyButServeAnUnlimitedOneWhenRedisIsUnreachable() {
        GatewayReady.await();
        given().auth().oauth2(TestKeys.BUDGET_LIMITED).contentType(ContentType.JSON).body(RedisDownProfile.CHAT)
                .when().post("/v1/chat/completions").then().statusCode(429)
                .body("error.code", equalTo("rate_limited"))
                .header("Retry-After", "1");
        Management.given().get("/q/metrics").then().body(containsString("aigw_limit_unchecked_total{fail_mode=\"closed\"} 1.0"));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(RedisDownProfile.CHAT)
                .when().post("/v1/chat/completions").then().statusCode(200);
    }
}
