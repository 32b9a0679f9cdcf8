package io.aigw.e2e.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What a client and an operator see of each gateway replica: answers, and the snapshot in force. */
final class Replicas {

    private final RunningSuite suite;

    Replicas(RunningSuite suite) {
        this.suite = suite;
    }

    List<String> urls() {
        return suite.gatewayUrls();
    }

    /**
     * A chat completion with the given key and model on one replica. Sent a second time when the
     * first got no answer: a pooled connection may still point at a replica that was restarted.
     */
    HttpResponse<String> chat(String gateway, String accessKey, String model) {
        String body = """
                {"model":"%s","messages":[{"role":"user","content":"sync e2e"}]}""".formatted(model);
        try {
            return suite.gatewayPost(gateway, "/v1/chat/completions", accessKey, body);
        } catch (RunningSuite.SuiteUnreachable e) {
            return suite.gatewayPost(gateway, "/v1/chat/completions", accessKey, body);
        }
    }

    /** The error code of an answer (OpenAI envelope), or "" for a success. */
    static String errorCode(HttpResponse<String> response) {
        return response.statusCode() < 400 ? "" : RunningSuite.json(response).path("error").path("code").asText();
    }

    /** The version of the routing snapshot a replica reports on its readiness check, or null. */
    SnapshotVersion snapshotVersion(String gateway) {
        HttpResponse<String> ready = suite.readiness(gateway);
        if (ready.statusCode() != 200) {
            return null;
        }
        for (JsonNode check : RunningSuite.json(ready).path("checks")) {
            if ("routing-snapshot".equals(check.path("name").asText())) {
                return SnapshotVersion.find(check.path("data").path("version").asText());
            }
        }
        return null;
    }

    /** Each replica's snapshot version, in the order of {@link #urls()}. */
    List<SnapshotVersion> snapshotVersions() {
        List<SnapshotVersion> versions = new ArrayList<>();
        for (String url : urls()) {
            versions.add(snapshotVersion(url));
        }
        return versions;
    }

    /** The versions the owning services' internal snapshot APIs answer now. */
    SnapshotVersion servicesVersion() {
        long catalog = suite.internal(suite.catalogUrl + "/internal/v1/catalog-snapshot").path("version").asLong();
        long config = configVersion();
        long keys = suite.internal(suite.keysUrl + "/internal/v1/provider-keys").path("version").asLong();
        return new SnapshotVersion(catalog, config, keys);
    }

    /** config-service's own snapshot version (its last outbox position). */
    long configVersion() {
        return suite.internal(suite.configUrl + "/internal/v1/config-snapshot").path("version").asLong();
    }
}
