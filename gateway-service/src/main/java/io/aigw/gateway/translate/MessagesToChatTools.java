package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Anthropic `tools` and `tool_choice` as chat-completions' function tools, tool choice and `parallel_tool_calls`. */
final class MessagesToChatTools {

    private MessagesToChatTools() {
    }

    static void tools(JsonNode in, ObjectNode out, List<String> dropped) {
        JsonNode tools = in.get("tools");
        if (tools != null && tools.isArray()) {
            ArrayNode list = out.putArray("tools");
            for (JsonNode tool : tools) {
                String type = tool.path("type").asText("custom");
                if (!"custom".equals(type) || !tool.path("name").isTextual()) {
                    dropped.add("tools[]." + (tool.path("type").isTextual() ? type : "?")); // server tools
                    continue;
                }
                ObjectNode function = list.addObject().put("type", "function").putObject("function")
                        .put("name", tool.get("name").asText());
                if (tool.path("description").isTextual()) {
                    function.put("description", tool.get("description").asText());
                }
                function.set("parameters", tool.path("input_schema").isObject() ? tool.get("input_schema")
                        : out.objectNode().put("type", "object"));
            }
            if (list.isEmpty()) {
                out.remove("tools");
            }
        }
        JsonNode choice = in.get("tool_choice");
        if (choice == null || !choice.isObject()) {
            return;
        }
        switch (choice.path("type").asText()) {
            case "any" -> out.put("tool_choice", "required");
            case "none" -> out.put("tool_choice", "none");
            case "tool" -> out.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", choice.path("name").asText(""));
            default -> out.put("tool_choice", "auto");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false) && out.has("tools")) {
            out.put("parallel_tool_calls", false);
        }
        if (!out.has("tools") && !"none".equals(out.path("tool_choice").asText())) {
            out.remove("tool_choice");
        }
    }
}
