package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.SseStream;
import io.aigw.e2e.simulator.exchange.StreamScript;
import java.util.ArrayList;
import java.util.List;

/** Legacy {@code POST /v1/completions}: {@code text_completion} objects, streamed as the same object per chunk. */
public final class CompletionsEndpoint implements Endpoint {

    private final OpenAiFlavor flavor;

    public CompletionsEndpoint(OpenAiFlavor flavor) {
        this.flavor = flavor;
    }

    @Override
    public void handle(Exchange exchange) {
        SimulatedReply reply = SimulatedReply.plan(exchange, "cmpl-sim", TokenCount.prompt(exchange.json().get("prompt")),
                null, "max_tokens");
        String finish = reply.truncated() ? "\"length\"" : "\"stop\"";
        String head = "{\"id\":\"" + reply.id() + "\",\"object\":\"text_completion\",\"created\":" + reply.created()
                + ",\"model\":" + Json.quote(reply.model()) + ",\"choices\":[";
        String usage = reply.reportUsage() ? flavor.usage(reply.promptTokens(), reply.outputTokens()) : null;
        if (!exchange.streamRequested()) {
            exchange.responder().json(head + choice(reply.text(), finish) + "]"
                    + (usage == null ? "" : ",\"usage\":" + usage) + ",\"system_fingerprint\":\"fp_sim\"}");
            return;
        }
        List<String> content = new ArrayList<>(reply.pieces().size());
        for (String piece : reply.pieces()) {
            content.add("data: " + head + choice(piece, "null") + "]}\n\n");
        }
        List<String> closing = new ArrayList<>(3);
        closing.add("data: " + head + choice("", finish) + "]}\n\n");
        boolean includeUsage = exchange.json().path("stream_options").path("include_usage").asBoolean(false);
        if (usage != null && flavor.streamsUsage(includeUsage)) {
            closing.add("data: " + head + "],\"usage\":" + usage + "}\n\n");
        }
        closing.add("data: [DONE]\n\n");
        SseStream.play(exchange, new StreamScript(flavor.keepAlive(), List.of(), content, closing,
                flavor.midStreamError(reply.id(), reply.created(), reply.model(), "text_completion")));
    }

    private static String choice(String text, String finishReason) {
        return "{\"text\":" + Json.quote(text) + ",\"index\":0,\"logprobs\":null,\"finish_reason\":" + finishReason + "}";
    }
}
