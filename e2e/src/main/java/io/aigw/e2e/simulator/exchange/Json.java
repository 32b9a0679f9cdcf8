package io.aigw.e2e.simulator.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON helpers: one shared mapper for parsing, and a fast string quoter for the hand-built bodies. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** The JSON string literal for {@code value}, quotes included; {@code null} for a null value. */
    public static String quote(String value) {
        return value == null ? "null" : appendQuoted(new StringBuilder(value.length() + 8), value).toString();
    }

    public static StringBuilder appendQuoted(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
