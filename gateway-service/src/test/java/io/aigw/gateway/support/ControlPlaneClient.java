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

    /** Registers an active access key without configuration; answers its token. */
    public static String addAccessKey(String publicId, String secret) {
        given().post(baseUrl() + "/_stub/access-keys/" + publicId + "/secret/" + secret).then().statusCode(204);
        return "ag-" + publicId + "-g1-" + secret;
    }

    /** Adds a model (JSON as in contracts.md) to the catalog snapshot the stub serves. */
    public static void addCatalogModel(String modelJson) {
        given().contentType("application/json").body(modelJson).post(baseUrl() + "/_stub/catalog/models")
                .then().statusCode(204);
    }
}
