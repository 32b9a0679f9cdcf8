package io.aigw.e2e.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Deterministic prompt token counts: {@code characters / 4 + 1}, where the characters are those of the prompt's
 * text (strings, {@code text} and {@code content} fields, array items; a number counts as 4).
 */
public final class TokenCount {

    private TokenCount() {
    }

    /** Prompt tokens of the given request fields together (e.g. {@code system} and {@code messages}). */
    public static int prompt(JsonNode... parts) {
        int chars = 0;
        for (JsonNode part : parts) {
            chars += characters(part);
        }
        return chars / 4 + 1;
    }

    static int characters(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        if (node.isTextual()) {
            return node.textValue().length();
        }
        if (node.isNumber()) {
            return 4;
        }
        int chars = 0;
        if (node.isArray()) {
            for (JsonNode item : node) {
                chars += characters(item);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("text") || field.getKey().equals("content")) {
                    chars += characters(field.getValue());
                }
            }
        }
        return chars;
    }
}
