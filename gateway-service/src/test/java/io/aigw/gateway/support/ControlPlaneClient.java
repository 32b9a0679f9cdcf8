package io.aigw.gateway.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** The control-plane stub as the tests see it: over its `/_stub/*` routes. */
public final class ControlPlaneClient {

    private ControlPlaneClient() {
    }

    private static String baseUrl() {
        return ConfigProvider.getConfig().getValue("aigw.gateway.keys-url", String.class);
    }

    public static int accessKeyLookups() {
        return Integer.parseInt(given().get(baseUrl() + "/_stub/access-key-lookups").asString());
    }

    public static void setAccessKeyStatus(String publicId, String status) {
        given().post(baseUrl() + "/_stub/access-keys/" + publicId + "/status/" + status).then().statusCode(204);
    }
}
