package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Gemini `tools[].functionDeclarations` as chat function tools (OpenAPI-style `parameters` with upper-case types
 * are lower-cased; `parametersJsonSchema` is used as is) and `toolConfig.functionCallingConfig` as tool choice
 * (`AUTO` → auto, `ANY` → required or the one allowed function, `NONE` → none). Other tools (Google Search, code
 * execution) are dropped.
 */
final class GeminiTools {

    private GeminiTools() {
    }

    static void tools(JsonNode in, ObjectNode out, List<String> dropped) {
        ArrayNode list = out.arrayNode();
        for (JsonNode tool : in.path("tools")) {
            tool.fieldNames().forEachRemaining(name -> {
                if (!"functionDeclarations".equals(name) && !"function_declarations".equals(name)) {
                    dropped.add("tools[]." + name);
                }
            });
            for (JsonNode declaration : GeminiContents.field(tool, "functionDeclarations", "function_declarations")) {
                ObjectNode function = list.addObject().put("type", "function").putObject("function")
                        .put("name", declaration.path("name").asText(""));
                if (declaration.path("description").isTextual()) {
                    function.put("description", declaration.get("description").asText());
                }
                JsonNode schema = GeminiContents.field(declaration, "parametersJsonSchema", "parameters_json_schema");
                if (!schema.isObject()) {
                    schema = lowerTypes(declaration.path("parameters"));
                }
                function.set("parameters", schema != null && schema.isObject() ? schema : out.objectNode().put("type", "object"));
            }
        }
        if (!list.isEmpty()) {
            out.set("tools", list);
        }
        JsonNode config = GeminiContents.field(GeminiContents.field(in, "toolConfig", "tool_config"),
                "functionCallingConfig", "function_calling_config");
        String mode = config.path("mode").asText("");
        JsonNode allowed = GeminiContents.field(config, "allowedFunctionNames", "allowed_function_names");
        switch (mode) {
            case "NONE" -> out.put("tool_choice", "none");
            case "ANY" -> {
                if (allowed.size() == 1) {
                    out.putObject("tool_choice").put("type", "function").putObject("function").put("name", allowed.get(0).asText());
                } else if (!list.isEmpty()) {
                    out.put("tool_choice", "required");
                }
            }
            case "AUTO" -> {
                if (!list.isEmpty()) {
                    out.put("tool_choice", "auto");
                }
            }
            default -> {
                // unset: the provider's default (auto with tools)
            }
        }
    }

    /** A copy of an OpenAPI-style schema with `type` values lower-cased (`OBJECT` → `object`); null for a missing one. */
    static JsonNode lowerTypes(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return null;
        }
        JsonNode copy = schema.deepCopy();
        lower(copy);
        return copy;
    }

    private static void lower(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("type").isTextual()) {
                object.set("type", TextNode.valueOf(object.get("type").asText().toLowerCase(java.util.Locale.ROOT)));
            }
            object.forEach(GeminiTools::lower);
        } else if (node.isArray()) {
            node.forEach(GeminiTools::lower);
        }
    }
}
