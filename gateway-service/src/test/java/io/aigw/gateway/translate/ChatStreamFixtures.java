package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** What the translation property tests build their inputs from: an upstream chat stream, JSON quoting and reading. */
final class ChatStreamFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatStreamFixtures() {
    }

    /** A chat stream of text pieces, then one tool call whose arguments come in pieces, then usage and [DONE]. */
    static String[] chatStream(List<String> pieces, List<String> argumentPieces) {
        StringBuilder sse = new StringBuilder("data: {\"id\":\"c\",\"model\":\"g\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
        for (String piece : pieces) {
            sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quote(piece)).append("}}]}\n\n");
        }
        if (!argumentPieces.isEmpty()) {
            sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"t\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}\n\n");
            for (String piece : argumentPieces) {
                sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                        + "\"function\":{\"arguments\":").append(quote(piece)).append("}}]}}]}\n\n");
            }
        }
        sse.append("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"")
                .append(argumentPieces.isEmpty() ? "stop" : "tool_calls").append("\"}]}\n\n");
        sse.append("data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString().split("(?<=\n\n)");
    }

    static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
