package io.aigw.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** The structure of a JSON document: every field path with its JSON type (nulls match any type). */
public final class JsonShape {

    private JsonShape() {
    }

    public static Map<String, String> of(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        walk("", node, shape);
        return shape;
    }

    private static void walk(String path, JsonNode node, Map<String, String> shape) {
        shape.put(path.isEmpty() ? "/" : path, node.isNull() ? "null" : node.getNodeType().name());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(path + "/" + field.getKey(), field.getValue(), shape);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            walk(path + "/*", node.get(0), shape);
        }
    }

    /** True when both have the same fields; types must agree wherever both sides are non-null. */
    public static String difference(JsonNode expected, JsonNode actual) {
        Map<String, String> e = of(expected);
        Map<String, String> a = of(actual);
        StringBuilder diff = new StringBuilder();
        for (String path : e.keySet()) {
            if (path.contains("/*") || path.startsWith("/extraHeaders/") || path.contains("/extraHeaders/")) {
                continue;
            }
            if (!a.containsKey(path)) {
                diff.append("missing ").append(path).append('\n');
            } else if (!e.get(path).equals("null") && !a.get(path).equals("null") && !e.get(path).equals(a.get(path))) {
                diff.append("type of ").append(path).append(": ").append(e.get(path)).append(" vs ").append(a.get(path)).append('\n');
            }
        }
        for (String path : a.keySet()) {
            if (!path.contains("/*") && !path.contains("/extraHeaders/") && !e.containsKey(path)) {
                diff.append("unexpected ").append(path).append('\n');
            }
        }
        return diff.toString();
    }
}
