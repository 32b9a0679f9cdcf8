package io.aigw.config.snapshot;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.config.support.JsonShape;
import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfigSnapshotTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode snapshot() throws Exception {
        return mapper.readTree(service().when().get("/internal/v1/config-snapshot")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void shouldServeAllConfigurationsAndSettingsAsOneVersionedDocument() throws Exception {
        long before = snapshot().get("version").asLong();
        String name = TestCatalog.uniqueId("snap");
        String id = admin().body("{\"name\":\"" + name + "\",\"access\":{\"providers\":{\"allow\":[]}}}")
                .when().post("/admin/v1/configurations").then().statusCode(201).extract().path("id");
        JsonNode after = snapshot();
        assertTrue(after.get("version").asLong() > before, "the snapshot version follows the outbox");
        assertNotNull(after.get("generatedAt").asText());
        JsonNode mine = null;
        for (JsonNode configuration : after.get("configurations")) {
            if (id.equals(configuration.get("id").asText())) {
                mine = configuration;
            }
        }
        assertNotNull(mine, "the new configuration is in the snapshot");
        assertEquals(name, mine.get("name").asText());
        assertEquals(0, mine.at("/access/providers/allow").size(), "an empty allow list stays empty");
        assertTrue(mine.get("accessKeyCount") == null, "admin-only field not in the snapshot");
        assertEquals("open".equals(after.at("/settings/limitsFailMode").asText())
                || "closed".equals(after.at("/settings/limitsFailMode").asText()), true);
    }

    @Test
    void shouldMatchTheSnapshotFixtureTheGatewayReads() throws Exception {
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("shape") + "\",\"metadata\":{\"a\":\"b\"},"
                + "\"access\":{\"models\":{\"allow\":[]}},\"limits\":{\"requestsPerMinute\":30}}")
                .when().post("/admin/v1/configurations").then().statusCode(201);
        JsonNode fixture = mapper.readTree(Files.readString(Path.of("src/test/resources/snapshots/config-snapshot.v1.json")));
        JsonNode live = snapshot();
        JsonShape.assertSameShape(fixture.get("settings"), live.get("settings"));
        assertEquals(fieldNames(fixture), fieldNames(live));
        JsonNode anyLive = live.get("configurations").get(0);
        assertEquals(fieldNames(fixture.get("configurations").get(0)), fieldNames(anyLive));
        assertEquals(fieldNames(fixture.get("configurations").get(0).get("access")), fieldNames(anyLive.get("access")));
        assertEquals(fieldNames(fixture.get("configurations").get(0).get("limits")), fieldNames(anyLive.get("limits")));
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
