package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * chat-completions function tools as Gemini `tools[].functionDeclarations` (the JSON Schema as
 * `parametersJsonSchema`, as is) and `tool_choice` as `toolConfig.functionCallingConfig`: `none` → `NONE`, `auto` →
 * `AUTO`, `required` → `ANY`, a named function → `ANY` with `allowedFunctionNames`. Non-function tools and
 * `parallel_tool_calls: false` (Gemini decides how many calls it makes) have no slot.
 */
final class ChatToGeminiTools {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatToGeminiTools() {
    }

    static void tools(JsonNode in, ObjectNode out, List<String> dropped) {
        ArrayNode declarations = NODES.arrayNode();
        for (JsonNode tool : in.path("tools")) {
            if (!"function".equals(tool.path("type").asText("function"))) {
                dropped.add("tools[]." + tool.path("type").asText());
                continue;
            }
            JsonNode function = tool.path("function");
            ObjectNode declaration = declarations.addObject().put("name", function.path("name").asText(""));
            if (function.path("description").isTextual()) {
                declaration.put("description", function.get("description").asText());
            }
            if (function.path("parameters").isObject()) {
                declaration.set("parametersJsonSchema", function.get("parameters"));
            }
        }
        if (!declarations.isEmpty()) {
            out.putArray("tools").addObject().set("functionDeclarations", declarations);
        }
        JsonNode choice = in.path("tool_choice");
        ObjectNode calling = NODES.objectNode();
        if (choice.isTextual()) {
            switch (choice.asText()) {
                case "none" -> calling.put("mode", "NONE");
                case "required" -> calling.put("mode", "ANY");
                default -> calling.put("mode", "AUTO");
            }
        } else if (choice.path("function").path("name").isTextual()) {
            calling.put("mode", "ANY").putArray("allowedFunctionNames").add(choice.get("function").get("name").asText());
        }
        if (!calling.isEmpty() && !declarations.isEmpty()) {
            out.putObject("toolConfig").set("functionCallingConfig", calling);
        }
        if (in.path("parallel_tool_calls").isBoolean() && !in.get("parallel_tool_calls").asBoolean()) {
            dropped.add("parallel_tool_calls"); // Gemini decides alone how many calls it makes
        }
    }
}
