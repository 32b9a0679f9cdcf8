package io.aigw.keys.leak;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.gateway;
import static io.aigw.keys.support.TestTokens.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.accesskey.AccessKeyCreatedResponse;
import io.aigw.keys.accesskey.AccessKeyResponse;
import io.aigw.keys.providerkey.ProviderKeyCreateRequest;
import io.aigw.keys.providerkey.ProviderKeyRotateRequest;
import io.aigw.keys.providerkey.ProviderKeyValueResponse;
import io.aigw.keys.support.LogCapture;
import io.aigw.keys.support.TopicTail;
import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Drives the whole life of a provider key and an access key, including bad requests that carry the
 * secret, and greps every response, every event and every log line for the secrets.
 */
@QuarkusTest
class SecretLeakTest {

    private final List<String> responses = new ArrayList<>();

    private ExtractableResponse<Response> keep(ExtractableResponse<Response> response) {
        responses.add(response.headers().toString() + "\n" + response.asString());
        return response;
    }

    @Test
    void shouldNeverExposeAProviderKeyValueOrAnAccessKeySecretOutsideTheirOneAllowedPlace() {
        String value = "sk-or-v1-LEAK" + UUID.randomUUID().toString().replace("-", "") + "wxyz";
        String rotated = "sk-or-v1-LEAK" + UUID.randomUUID().toString().replace("-", "") + "abcd";
        try (LogCapture logs = new LogCapture();
                TopicTail providerEvents = new TopicTail("provider-key-changes");
                TopicTail accessEvents = new TopicTail("access-key-changes")) {
            String id = keep(admin().body("{\"providerId\":\"" + TestCatalog.provider("openrouter") + "\",\"name\":\"leak\",\"value\":\"" + value + "\"}")
                    .post("/admin/v1/provider-keys").then().statusCode(201).extract()).path("id");
            keep(admin().get("/admin/v1/provider-keys/" + id).then().statusCode(200).extract());
            keep(admin().get("/admin/v1/provider-keys?limit=100").then().statusCode(200).extract());
            keep(service().get("/internal/v1/provider-keys").then().statusCode(200).extract());
            keep(admin().body("{\"name\":\"leak2\"}").patch("/admin/v1/provider-keys/" + id).then().statusCode(200).extract());
            // bad requests that carry the value must not echo it
            keep(admin().body("{\"value\":\"" + value + "\"}").patch("/admin/v1/provider-keys/" + id)
                    .then().statusCode(400).extract());
            keep(admin().body("{\"providerId\":\"BAD ID\",\"name\":\"x\",\"value\":\"" + value + "\"}")
                    .post("/admin/v1/provider-keys").then().statusCode(400).extract());
            keep(admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\",\"name\":\"x\",\"value\":[\"" + value + "\"]}")
                    .post("/admin/v1/provider-keys").then().statusCode(400).extract());
            keep(admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\",\"value\":\"" + value)
                    .post("/admin/v1/provider-keys").then().statusCode(400).extract());
            keep(admin().body("{\"value\":\" " + value + "\"}").post("/admin/v1/provider-keys/" + id + "/rotate")
                    .then().statusCode(400).extract());
            keep(admin().body("{\"value\":\"" + rotated + "\"}").post("/admin/v1/provider-keys/" + id + "/rotate")
                    .then().statusCode(200).extract());
            // the one allowed place: the internal value API (not kept for the grep)
            assertEquals(rotated, gateway().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(200)
                    .extract().path("value"));
            keep(admin().urlEncodingEnabled(false).post("/admin/v1/provider-keys:rewrap").then().statusCode(200).extract());

            ExtractableResponse<Response> created = admin().body("{\"name\":\"leaky-access\"}")
                    .post("/admin/v1/access-keys").then().statusCode(201).extract();
            String token = created.path("token");
            String secret = token.substring(token.lastIndexOf('-') + 1);
            String accessId = created.path("id");
            keep(admin().get("/admin/v1/access-keys/" + accessId).then().statusCode(200).extract());
            keep(admin().get("/admin/v1/access-keys?limit=100").then().statusCode(200).extract());
            keep(service().get("/internal/v1/access-keys/" + created.path("publicId")).then().statusCode(200).extract());
            keep(service().get("/internal/v1/access-key-snapshot").then().statusCode(200).extract());
            keep(admin().post("/admin/v1/access-keys/" + accessId + "/revoke").then().statusCode(200).extract());
            keep(admin().delete("/admin/v1/access-keys/" + accessId).then().statusCode(204).extract());
            keep(admin().delete("/admin/v1/provider-keys/" + id).then().statusCode(204).extract());

            ExtractableResponse<Response> adminToken = admin().body("{\"name\":\"leaky-admin\"}")
                    .post("/admin/v1/admin-tokens").then().statusCode(201).extract();
            String issued = adminToken.path("token");
            String adminSecret = issued.substring(issued.lastIndexOf('-') + 1);
            keep(admin().get("/admin/v1/admin-tokens/" + adminToken.path("id")).then().statusCode(200).extract());
            keep(admin().get("/admin/v1/admin-tokens?limit=100").then().statusCode(200).extract());
            keep(io.restassured.RestAssured.given().header("Authorization", "Bearer " + issued + "x")
                    .get("/admin/v1/access-keys").then().statusCode(401).extract());
            keep(service().contentType("application/json").urlEncodingEnabled(false).body("{\"token\":\"" + issued + "\"}")
                    .post("/internal/v1/admin-tokens:verify").then().statusCode(200).extract());
            keep(admin().post("/admin/v1/admin-tokens/" + adminToken.path("id") + "/revoke").then().statusCode(200).extract());

            List<String> events = new ArrayList<>();
            providerEvents.await(TopicTail.keyed("provider-key:" + id), 4, Duration.ofSeconds(5))
                    .forEach(r -> events.add(r.value()));
            accessEvents.await(TopicTail.keyed("access-key:" + accessId), 3, Duration.ofSeconds(5))
                    .forEach(r -> events.add(r.value()));
            assertEquals(7, events.size(), "all events arrived");

            String logText = logs.text();
            assertTrue(logText.contains("audit: value of provider key " + id), "the value fetch is audit-logged");
            for (String secretText : List.of(value, rotated, value.substring(9, 30), secret, adminSecret)) {
                responses.forEach(r -> assertFalse(r.contains(secretText), "a response leaked a secret: " + r));
                events.forEach(e -> assertFalse(e.contains(secretText), "an event leaked a secret: " + e));
                assertFalse(logText.contains(secretText), "a log line leaked a secret");
            }
        }
    }

    @Test
    void shouldRedactSecretsInToString() {
        String value = "sk-or-v1-tostring-0123456789abcdef";
        for (Object o : List.of(new ProviderKeyCreateRequest("openai", "n", null, null, value),
                new ProviderKeyRotateRequest(value), new ProviderKeyValueResponse("pk_x", "openai", 1, value))) {
            assertFalse(o.toString().contains(value), o.getClass().getSimpleName());
            assertTrue(o.toString().contains("[REDACTED]"));
        }
        AccessKeyCreatedResponse created = new AccessKeyCreatedResponse(new AccessKeyResponse("ak_x", "x", "n", null,
                null, null, "active", null, "r", 1, null, null, null), "ag-x-g1-" + value);
        assertFalse(created.toString().contains(value));
    }
}
