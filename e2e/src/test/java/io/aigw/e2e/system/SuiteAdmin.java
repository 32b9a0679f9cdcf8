package io.aigw.e2e.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * What the system tests create and change through the admin APIs of key-service and config-service,
 * and remove again afterwards. Every call must answer 2xx (or the test fails with the answer).
 */
final class SuiteAdmin {

    /** An access key as created: its id and its token (shown only at creation). */
    record AccessKey(String id, String token) {
        @Override
        public String toString() {
            return id;
        }
    }

    private final RunningSuite suite;

    SuiteAdmin(RunningSuite suite) {
        this.suite = suite;
    }

    /**
     * Creates an access key; a configuration created a moment ago may still be unknown to key-service
     * (its projection follows config-changes), so a 400 is retried for a while.
     */
    AccessKey createAccessKey(String name, String configurationId) {
        ObjectNode body = RunningSuite.JSON.createObjectNode().put("name", name);
        if (configurationId != null) {
            body.put("configurationId", configurationId);
        }
        HttpResponse<String> created = Eventually.within(Duration.ofSeconds(20), "create access key " + name,
                () -> suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys", body.toString()),
                r -> r.statusCode() != 400);
        JsonNode json = expect(201, created, "create access key");
        return new AccessKey(json.path("id").asText(), json.path("token").asText());
    }

    void revoke(AccessKey key) {
        expect(200, suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys/" + key.id() + "/revoke", "{}"),
                "revoke " + key.id());
    }

    /** Deletes an access key; one already gone is fine. */
    void delete(AccessKey key) {
        if (key != null) {
            suite.admin("DELETE", suite.keysUrl + "/admin/v1/access-keys/" + key.id(), null);
        }
    }

    /** Creates a configuration that may call only the given models (no routing rules, no limits). */
    String createConfiguration(String name, List<String> allowedModels) {
        ObjectNode body = RunningSuite.JSON.createObjectNode().put("name", name);
        body.putObject("access").putObject("models").putPOJO("allow", allowedModels);
        return expect(201, suite.admin("POST", suite.configUrl + "/admin/v1/configurations", body.toString()),
                "create configuration " + name).path("id").asText();
    }

    /** Replaces the configuration's model scope. */
    void allowModels(String configurationId, List<String> models) {
        ObjectNode body = RunningSuite.JSON.createObjectNode();
        body.putObject("access").putObject("models").putPOJO("allow", models);
        expect(200, patchConfiguration(configurationId, body.toString()), "allow " + models + " in " + configurationId);
    }

    HttpResponse<String> patchConfiguration(String configurationId, String body) {
        return suite.admin("PATCH", suite.configUrl + "/admin/v1/configurations/" + configurationId, body);
    }

    /**
     * Deletes a configuration. config-service counts its access keys from access-key-changes, so a
     * configuration whose keys were just deleted may still answer 409 for a moment.
     */
    void deleteConfiguration(String configurationId) {
        if (configurationId == null) {
            return;
        }
        HttpResponse<String> answer = Eventually.within(Duration.ofSeconds(20), "delete " + configurationId,
                () -> suite.admin("DELETE", suite.configUrl + "/admin/v1/configurations/" + configurationId, null),
                r -> r.statusCode() != 409);
        if (answer.statusCode() != 204 && answer.statusCode() != 404) {
            throw new AssertionError("delete " + configurationId + " answered " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Stores a provider key in the vault (its value is write-only). */
    String createProviderKey(String providerId, String name, String value) {
        ObjectNode body = RunningSuite.JSON.createObjectNode().put("providerId", providerId).put("name", name)
                .put("value", value);
        return expect(201, suite.admin("POST", suite.keysUrl + "/admin/v1/provider-keys", body.toString()),
                "create provider key " + name).path("id").asText();
    }

    void deleteProviderKey(String id) {
        if (id != null) {
            suite.admin("DELETE", suite.keysUrl + "/admin/v1/provider-keys/" + id, null);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
        return RunningSuite.json(response);
    }
}
