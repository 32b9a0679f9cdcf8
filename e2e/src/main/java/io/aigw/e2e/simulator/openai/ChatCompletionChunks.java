package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.SimulatedToolCall;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.StreamScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code chat.completion.chunk} events of a stream: a role chunk, one chunk per content piece
 * ({@code delta.content} or {@code delta.tool_calls[0].function.arguments}), a finish chunk, the usage chunk
 * ({@code "choices":[]}) when asked, then {@code data: [DONE]}.
 */
final class ChatCompletionChunks {

    private static final String DONE = "data: [DONE]\n\n";

    private final SimulatedReply reply;
    private final OpenAiFlavor flavor;
    private final boolean streamsUsage;
    private final String head;
    private final String tail;

    ChatCompletionChunks(SimulatedReply reply, OpenAiFlavor flavor, boolean includeUsageAsked) {
        this.reply = reply;
        this.flavor = flavor;
        this.streamsUsage = reply.reportUsage() && flavor.streamsUsage(includeUsageAsked);
        StringBuilder head = new StringBuilder(192).append("data: {\"id\":\"").append(reply.id())
                .append("\",\"object\":\"chat.completion.chunk\",\"created\":").append(reply.created())
                .append(",\"model\":");
        this.head = Json.appendQuoted(head, reply.model())
                .append(",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_sim\",\"choices\":[").toString();
        boolean usageNullOnEachChunk = streamsUsage && flavor == OpenAiFlavor.OPENAI;
        this.tail = usageNullOnEachChunk ? "],\"usage\":null}\n\n" : "]}\n\n";
    }

    StreamScript script() {
        List<String> content = new ArrayList<>(reply.pieces().size());
        for (String piece : reply.pieces()) {
            content.add(reply.toolCall() != null ? argumentsChunk(piece) : contentChunk(piece));
        }
        List<String> closing = new ArrayList<>(3);
        closing.add(choice("{}", "\"" + ChatCompletionBodies.finishReason(reply) + "\""));
        if (streamsUsage) {
            closing.add(head + "],\"usage\":" + flavor.usage(reply.promptTokens(), reply.outputTokens()) + "}\n\n");
        }
        closing.add(DONE);
        return new StreamScript(flavor.keepAlive(), List.of(roleChunk()), content, closing,
                flavor.midStreamError(reply.id(), reply.created(), reply.model(), "chat.completion.chunk"));
    }

    private String roleChunk() {
        SimulatedToolCall tool = reply.toolCall();
        if (tool == null) {
            return choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null");
        }
        return choice("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + tool.id()
                + "\",\"type\":\"function\",\"function\":{\"name\":" + Json.quote(tool.name())
                + ",\"arguments\":\"\"}}],\"refusal\":null}", "null");
    }

    private String contentChunk(String piece) {
        return choice("{\"content\":" + Json.quote(piece) + "}", "null");
    }

    private String argumentsChunk(String piece) {
        return choice("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + Json.quote(piece) + "}}]}", "null");
    }

    private String choice(String delta, String finishReason) {
        return head + "{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}"
                + tail;
    }
}
