package io.aigw.gateway.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The provider simulator as the tests see it: over its own HTTP admin routes (`/_sim/*`), so no simulator
 * object crosses from the test-resource class loader into the tests'.
 */
public final class SimulatorClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatorClient() {
    }

    public static String baseUrl() {
        return ConfigProvider.getConfig().getValue("aigw.test.simulator-url", String.class);
    }

    public static void clear() {
        given().delete(baseUrl() + "/_sim/requests").then().statusCode(204);
    }

    public static List<Recorded> received() {
        try {
            JsonNode list = MAPPER.readTree(given().get(baseUrl() + "/_sim/requests").asString());
            List<Recorded> out = new ArrayList<>();
            list.forEach(n -> out.add(new Recorded(n.path("path").asText(), n.path("headers"), n.path("body").asText())));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Recorded> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** One request the simulator received. */
    public record Recorded(String path, JsonNode headers, String body) {

        /** The first value of a header (lower-case name), or null. */
        public String header(String name) {
            JsonNode values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0).asText();
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (Exception e) {
                return MAPPER.missingNode();
            }
        }
    }
}
