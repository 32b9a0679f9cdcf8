package io.aigw.config.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Compares the structure of two JSON documents: same field names and kinds of value, at every level. */
public final class JsonShape {

    private JsonShape() {
    }

    public static void assertSameShape(JsonNode expected, JsonNode actual) {
        assertNotNull(expected, "expected document is missing");
        compare(expected, actual, "");
    }

    private static void compare(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNull() || actual.isNull()) {
            return; // a null stands for "any value of this field"
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                fail(path + ": expected an object, got " + actual.getNodeType());
            }
            assertEquals(names(expected), names(actual), "fields at " + (path.isEmpty() ? "/" : path));
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                compare(expected.get(name), actual.get(name), path + "/" + name);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                fail(path + ": expected an array, got " + actual.getNodeType());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(expected.get(i), actual.get(i), path + "/" + i);
            }
        } else if (expected.isNumber() != actual.isNumber() || expected.isTextual() != actual.isTextual()
                || expected.isBoolean() != actual.isBoolean()) {
            fail(path + ": expected " + expected.getNodeType() + ", got " + actual.getNodeType());
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
