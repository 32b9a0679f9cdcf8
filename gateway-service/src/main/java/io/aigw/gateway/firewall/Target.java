package io.aigw.gateway.firewall;

/** The parts of a request or answer a rule reads. */
public enum Target {
    USER("user"), SYSTEM("system"), ASSISTANT("assistant"), TOOL_RESULT("toolResult"),
    TOOL_DEFINITION("toolDefinition"), TOOL_CALL("toolCall");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Target parse(String id) {
        for (Target t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown firewall target " + id);
    }
}
