package io.aigw.config.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Steers {@link KeyServiceStub} over its control port (the stub runs outside the application's class loader). */
public final class KeyServiceStubControl {

    private KeyServiceStubControl() {
    }

    private static String url(String path) {
        return ConfigProvider.getConfig().getValue("aigw.test.key-stub-control-url", String.class) + path;
    }

    /** key-service will answer this JSON for {@code token}. */
    public static void answer(String token, String json) {
        given().body(json).when().put(url("/stub/tokens/" + token)).then().statusCode(204);
    }

    /** {@code up}, {@code down} (port closed), {@code error} (500) or {@code slow} (past the client's time limit). */
    public static void mode(String mode) {
        given().when().put(url("/stub/mode/" + mode)).then().statusCode(204);
    }

    /** How many verify calls carried {@code token}. */
    public static int calls(String token) {
        return Integer.parseInt(given().when().get(url("/stub/calls/" + token)).then().statusCode(200)
                .extract().asString());
    }
}
