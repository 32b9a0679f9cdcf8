package io.aigw.e2e.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.e2e.simulator.exchange.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool call the simulator makes when the request offers {@code tools} and asks for one ({@code tool=1}, or a
 * {@code tool_choice} that forces it). Reads OpenAI ({@code function.parameters}) and Anthropic
 * ({@code input_schema}) tool definitions; arguments are filled from the schema's properties by type.
 */
public record SimulatedToolCall(String id, String name, String argumentsJson) {

    public static SimulatedToolCall choose(JsonNode request, boolean asked, String id) {
        JsonNode tools = request.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return null;
        }
        JsonNode choice = request.path("tool_choice");
        String choiceType = choice.isTextual() ? choice.textValue() : choice.path("type").asText("");
        String forcedName = choice.path("function").path("name").asText(choice.path("name").asText(null));
        boolean forced = forcedName != null || choiceType.equals("required") || choiceType.equals("any");
        if (choiceType.equals("none") || !(asked || forced)) {
            return null;
        }
        JsonNode tool = tools.get(0);
        for (JsonNode candidate : tools) {
            if (forcedName != null && forcedName.equals(name(candidate))) {
                tool = candidate;
            }
        }
        return new SimulatedToolCall(id, name(tool), arguments(tool));
    }

    /** The arguments JSON cut into at most {@code count} consecutive pieces (the stream's deltas). */
    public List<String> argumentPieces(int count) {
        int n = Math.max(1, Math.min(count, argumentsJson.length()));
        List<String> pieces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pieces.add(argumentsJson.substring(i * argumentsJson.length() / n, (i + 1) * argumentsJson.length() / n));
        }
        return pieces;
    }

    private static String name(JsonNode tool) {
        return tool.path("function").path("name").asText(tool.path("name").asText("tool"));
    }

    private static String arguments(JsonNode tool) {
        JsonNode schema = tool.path("function").path("parameters");
        if (schema.isMissingNode()) {
            schema = tool.has("input_schema") ? tool.get("input_schema") : tool.path("parameters");
        }
        ObjectNode arguments = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode spec = property.getValue();
            String key = property.getKey();
            switch (spec.path("type").asText("string")) {
                case "integer", "number" -> arguments.put(key, 1);
                case "boolean" -> arguments.put(key, true);
                case "array" -> arguments.putArray(key);
                case "object" -> arguments.putObject(key);
                default -> arguments.put(key, spec.path("enum").path(0).asText("simulated"));
            }
        }
        return arguments.toString();
    }
}
