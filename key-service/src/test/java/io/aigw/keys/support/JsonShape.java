package io.aigw.keys.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.TreeSet;

/** Compares JSON documents by structure: same field names everywhere, same node types where both are non-null. */
public final class JsonShape {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonShape() {
    }

    public static JsonNode resource(String path) {
        try (InputStream in = JsonShape.class.getResourceAsStream(path)) {
            if (in == null) {
                fail("missing fixture " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static void assertSameShape(JsonNode expected, JsonNode actual, String at) {
        if (expected.isNull() || actual.isNull()) {
            return; // nullable field: the fixture shows one example, the live value may differ
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), "node type at " + at);
        if (expected.isObject()) {
            if (at.endsWith("/metadata")) {
                return; // free-form by design
            }
            assertEquals(names(expected), names(actual), "field names at " + at);
            expected.fieldNames().forEachRemaining(name -> assertSameShape(expected.get(name), actual.get(name), at + "/" + name));
        } else if (expected.isArray() && expected.size() > 0 && actual.size() > 0) {
            for (int i = 0; i < actual.size(); i++) {
                assertSameShape(expected.get(0), actual.get(i), at + "/" + i);
            }
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
