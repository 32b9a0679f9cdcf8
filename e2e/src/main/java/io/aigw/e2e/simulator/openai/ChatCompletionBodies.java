package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.SimulatedToolCall;
import io.aigw.e2e.simulator.exchange.Json;

/** The non-streamed {@code chat.completion} object. */
final class ChatCompletionBodies {

    private ChatCompletionBodies() {
    }

    static String completion(SimulatedReply reply, OpenAiFlavor flavor) {
        StringBuilder out = new StringBuilder(768).append("{\"id\":\"").append(reply.id())
                .append("\",\"object\":\"chat.completion\",\"created\":").append(reply.created()).append(",\"model\":");
        Json.appendQuoted(out, reply.model()).append(",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",");
        SimulatedToolCall tool = reply.toolCall();
        if (tool != null) {
            out.append("\"content\":null,\"tool_calls\":[{\"id\":\"").append(tool.id())
                    .append("\",\"type\":\"function\",\"function\":{\"name\":");
            Json.appendQuoted(out, tool.name()).append(",\"arguments\":");
            Json.appendQuoted(out, tool.argumentsJson()).append("}}],");
        } else {
            out.append("\"content\":");
            Json.appendQuoted(out, reply.text()).append(',');
        }
        out.append("\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"")
                .append(finishReason(reply)).append("\"}]");
        if (reply.reportUsage()) {
            out.append(",\"usage\":").append(flavor.usage(reply.promptTokens(), reply.outputTokens()));
        }
        return out.append(",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_sim\"}").toString();
    }

    static String finishReason(SimulatedReply reply) {
        if (reply.toolCall() != null) {
            return "tool_calls";
        }
        return reply.truncated() ? "length" : "stop";
    }
}
