package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** One string of the request tree that rules read, and where it sits, so that a redaction can replace it. */
final class TextSlot {

    final Target target;
    private final JsonNode parent;
    private final String field;
    private final int index;
    private ScanText scan;

    private TextSlot(Target target, JsonNode parent, String field, int index) {
        this.target = target;
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    /** The slot of {@code parent.field} when it is a string, else null. */
    static TextSlot field(Target target, JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value != null && value.isTextual() ? new TextSlot(target, parent, field, -1) : null;
    }

    /** The slot of {@code array[index]} when it is a string, else null. */
    static TextSlot element(Target target, JsonNode array, int index) {
        JsonNode value = array.get(index);
        return value != null && value.isTextual() ? new TextSlot(target, array, null, index) : null;
    }

    String text() {
        return (field != null ? parent.get(field) : parent.get(index)).textValue();
    }

    /** The text with its case-folded copy, shared by every rule that reads this slot until a redaction changes it. */
    ScanText scan() {
        if (scan == null) {
            scan = new ScanText(text());
        }
        return scan;
    }

    void replace(String text) {
        scan = null;
        if (field != null) {
            ((ObjectNode) parent).put(field, text);
        } else {
            ((ArrayNode) parent).set(index, TextNode.valueOf(text));
        }
    }
}
