package io.aigw.e2e.simulator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.SseStream;

/** {@code POST /v1/chat/completions} (and OpenRouter's {@code /api/v1/chat/completions}). */
public final class ChatCompletionsEndpoint implements Endpoint {

    private final OpenAiFlavor flavor;

    public ChatCompletionsEndpoint(OpenAiFlavor flavor) {
        this.flavor = flavor;
    }

    @Override
    public void handle(Exchange exchange) {
        JsonNode json = exchange.json();
        SimulatedReply reply = SimulatedReply.plan(exchange, flavor.completionIdPrefix(),
                TokenCount.prompt(json.get("messages")), "call_sim", "max_completion_tokens", "max_tokens");
        if (!exchange.streamRequested()) {
            exchange.responder().json(ChatCompletionBodies.completion(reply, flavor));
            return;
        }
        boolean includeUsage = json.path("stream_options").path("include_usage").asBoolean(false);
        SseStream.play(exchange, new ChatCompletionChunks(reply, flavor, includeUsage).script());
    }
}
