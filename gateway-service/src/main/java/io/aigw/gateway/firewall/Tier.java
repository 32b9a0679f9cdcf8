package io.aigw.gateway.firewall;

/**
 * How a rule's match weighs: {@code hardDeny} blocks at once; {@code softDeny} blocks unless a later {@code allow}
 * rule of the same policy matches the same subject (the request, or one tool call); {@code allow} cancels them.
 */
public enum Tier {
    HARD_DENY, SOFT_DENY, ALLOW;

    /** As written in policies and records. */
    public String id() {
        return switch (this) {
            case HARD_DENY -> "hardDeny";
            case SOFT_DENY -> "softDeny";
            case ALLOW -> "allow";
        };
    }

    static Tier parse(String text) {
        if (text == null || text.equals("hardDeny")) {
            return HARD_DENY;
        }
        return switch (text) {
            case "softDeny" -> SOFT_DENY;
            case "allow" -> ALLOW;
            default -> throw new IllegalArgumentException("unknown firewall tier " + text);
        };
    }
}
