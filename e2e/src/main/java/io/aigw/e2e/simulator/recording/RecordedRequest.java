package io.aigw.e2e.simulator.recording;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.exchange.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the simulator received it. Header names are lower case.
 *
 * @param query the raw query string, or null
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body, Instant receivedAt) {

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body parsed as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (Exception e) {
            return Json.MAPPER.missingNode();
        }
    }
}
