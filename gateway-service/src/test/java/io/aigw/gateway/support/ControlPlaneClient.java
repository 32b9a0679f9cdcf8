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

    /** Sets what the ledger says `<scope>:<id>` (`key:ak_…`, `configuration:cfg_…`) spent in any period. */
    public static void setLedgerSpend(String owner, String usd) {
        given().post(baseUrl() + "/_stub/ledger/spend/" + owner + "/" + usd).then().statusCode(204);
    }

    /** Makes key-service's spend query answer 503 ({@code down}) or answer again. */
    public static void setLedgerDown(boolean down) {
        given().post(baseUrl() + "/_stub/ledger/down/" + down).then().statusCode(204);
    }

    /** How many spend queries reached the ledger. */
    public static int ledgerQueries() {
        return Integer.parseInt(given().get(baseUrl() + "/_stub/ledger/queries").asString());
    }

    /** Adds a model (JSON as in contracts.md) to the catalog snapshot the stub serves. */
    public static void addCatalogModel(String modelJson) {
        given().contentType("application/json").body(modelJson).post(baseUrl() + "/_stub/catalog/models")
                .then().statusCode(204);
    }

    /** Adds or replaces a virtual model (JSON as in the catalog snapshot) in the catalog snapshot the stub serves. */
    public static void putVirtualModel(String virtualModelJson) {
        given().contentType("application/json").body(virtualModelJson).post(baseUrl() + "/_stub/catalog/virtual-models")
                .then().statusCode(204);
    }
}
