package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `aigw/auto` through the proxy: the test catalog prices every model alike, so the first by address serves. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AutoModelProxyTest {

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    @Test
    void shouldServeAutoWithTheChosenModelNamedAndSayWhy() {
        given().auth().oauth2(TestKeys.SCOPED).contentType(ContentType.JSON)
                .body("{\"model\":\"aigw/auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .header(GatewayHeaders.AUTO, containsString("score 0 (economy)"))
                .header(GatewayHeaders.AUTO, containsString("3 of 3 fitting models"));
    }

    @Test
    void shouldRefuseAutoWhenTheKeyMayCallNothing() {
        given().auth().oauth2(TestKeys.NOTHING_ALLOWED).contentType(ContentType.JSON)
                .body("{\"model\":\"aigw/auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(403)
                .body("error.code", equalTo("model_not_allowed"));
    }
}
