package io.aigw.e2e.simulator.anthropic;

import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.SimulatedToolCall;
import io.aigw.e2e.simulator.exchange.Json;

/** The non-streamed Anthropic {@code message} object and its shared parts. */
final class MessageBodies {

    private MessageBodies() {
    }

    static String message(SimulatedReply reply) {
        SimulatedToolCall tool = reply.toolCall();
        String content = tool != null
                ? "{\"type\":\"tool_use\",\"id\":\"" + tool.id() + "\",\"name\":" + Json.quote(tool.name())
                        + ",\"input\":" + tool.argumentsJson() + "}"
                : "{\"type\":\"text\",\"text\":" + Json.quote(reply.text()) + "}";
        return head(reply) + ",\"content\":[" + content + "],\"stop_reason\":\"" + stopReason(reply)
                + "\",\"stop_sequence\":null" + usage(reply, reply.outputTokens()) + "}";
    }

    /** The message as {@code message_start} carries it: no content yet, one output token counted. */
    static String started(SimulatedReply reply) {
        return head(reply) + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null" + usage(reply, 1) + "}";
    }

    static String stopReason(SimulatedReply reply) {
        if (reply.toolCall() != null) {
            return "tool_use";
        }
        return reply.truncated() ? "max_tokens" : "end_turn";
    }

    private static String head(SimulatedReply reply) {
        return "{\"id\":\"" + reply.id() + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                + Json.quote(reply.model());
    }

    private static String usage(SimulatedReply reply, int outputTokens) {
        if (!reply.reportUsage()) {
            return "";
        }
        return ",\"usage\":{\"input_tokens\":" + reply.promptTokens() + ",\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0,\"output_tokens\":" + outputTokens + ",\"service_tier\":\"standard\"}";
    }
}
