package io.aigw.keys.outbox;

import static io.aigw.keys.support.JsonShape.assertSameShape;
import static io.aigw.keys.support.JsonShape.resource;
import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.service;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.keys.accesskey.AccessKeyChanged;
import io.aigw.keys.accesskey.AccessKeyResponse;
import io.aigw.keys.providerkey.ProviderKeyChanged;
import io.aigw.keys.providerkey.ProviderKeyResponse;
import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden fixtures other services read: our real records must produce exactly that shape. */
@QuarkusTest
class EventFixtureTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldRoundTripEveryAccessKeyFixtureEventThroughTheRealRecord() throws Exception {
        JsonNode fixture = resource("/events/access-key-changes.v1.json");
        assertEquals(List.of("created", "updated", "revoked", "deleted"), types(fixture));
        for (JsonNode event : fixture) {
            AccessKeyChanged parsed = mapper.treeToValue(event, AccessKeyChanged.class);
            assertEquals(event, mapper.readTree(mapper.writeValueAsString(parsed)));
        }
    }

    @Test
    void shouldRoundTripEveryProviderKeyFixtureEventThroughTheRealRecord() throws Exception {
        JsonNode fixture = resource("/events/provider-key-changes.v1.json");
        assertEquals(List.of("created", "updated", "rotated", "deleted"), types(fixture));
        for (JsonNode event : fixture) {
            ProviderKeyChanged parsed = mapper.treeToValue(event, ProviderKeyChanged.class);
            assertEquals(event, mapper.readTree(mapper.writeValueAsString(parsed)));
        }
    }

    @Test
    void shouldSerialiseFreshEventsInTheFixtureShape() {
        Instant now = Instant.now();
        AccessKeyChanged access = AccessKeyChanged.of("created", "ak_x", 1, now, new AccessKeyResponse("ak_x", "x", "n",
                "d", mapper.createObjectNode().put("a", 1), "cfg_0123456789abcdef", "active", now, "ag-x-g1-a…b", 1, now,
                now, now));
        assertSameShape(resource("/events/access-key-changes.v1.json").get(0), mapper.valueToTree(access), "");
        ProviderKeyChanged provider = ProviderKeyChanged.of("created", "pk_x", 1, now, new ProviderKeyResponse("pk_x",
                "openai", "n", "d", null, "sk-***", "active", 1, now, now));
        assertSameShape(resource("/events/provider-key-changes.v1.json").get(0), mapper.valueToTree(provider), "");
    }

    @Test
    void shouldServeSnapshotsInTheFixtureShape() {
        admin().body("{\"name\":\"snapshot-shape\",\"metadata\":{\"k\":\"v\"}}").post("/admin/v1/access-keys")
                .then().statusCode(201);
        admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\",\"name\":\"shape\",\"value\":\"sk-shape-0123456789abcdefghij\"}")
                .post("/admin/v1/provider-keys").then().statusCode(201);
        JsonNode accessKeys = read(service().get("/internal/v1/access-key-snapshot").then().statusCode(200)
                .extract().asString());
        assertSameShape(resource("/snapshots/access-key-snapshot.v1.json"), accessKeys, "");
        JsonNode providerKeys = read(service().get("/internal/v1/provider-keys").then().statusCode(200)
                .extract().asString());
        assertSameShape(resource("/snapshots/provider-keys.v1.json"), providerKeys, "");
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> types(JsonNode fixture) {
        return java.util.stream.StreamSupport.stream(fixture.spliterator(), false).map(e -> e.get("type").asText()).toList();
    }
}
