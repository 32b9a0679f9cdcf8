package io.aigw.keys.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The fixed %test tokens from application.properties, and request specs that carry them. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token-0123456789";
    public static final String SERVICE = "test-service-token-0123456789";
    public static final String GATEWAY = "test-gateway-token-0123456789";

    private TestTokens() {
    }

    public static RequestSpecification admin() {
        return RestAssured.given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON);
    }

    public static RequestSpecification service() {
        return RestAssured.given().header("Authorization", "Bearer " + SERVICE);
    }

    /** The gateway's own token: the only one that reads decrypted provider keys. */
    public static RequestSpecification gateway() {
        return RestAssured.given().header("Authorization", "Bearer " + GATEWAY);
    }
}
