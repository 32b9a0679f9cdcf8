package io.aigw.e2e.simulator.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.SimulatedToolCall;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.SseStream;
import io.aigw.e2e.simulator.exchange.StreamScript;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/messages}: a {@code message} object, or the event stream {@code message_start},
 * {@code content_block_start}, {@code ping}, {@code content_block_delta} ×N ({@code text_delta}, or
 * {@code input_json_delta} for a tool call), {@code content_block_stop}, {@code message_delta}, {@code message_stop}.
 */
public final class MessagesEndpoint implements Endpoint {

    private static final String PING = event("ping", "{\"type\": \"ping\"}");
    private static final String BLOCK_STOP = event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    private static final String MESSAGE_STOP = event("message_stop", "{\"type\":\"message_stop\"}");

    @Override
    public void handle(Exchange exchange) {
        JsonNode json = exchange.json();
        SimulatedReply reply = SimulatedReply.plan(exchange, "msg_sim",
                TokenCount.prompt(json.get("system"), json.get("messages")), "toolu_sim", "max_tokens");
        if (!exchange.streamRequested()) {
            exchange.responder().json(MessageBodies.message(reply));
            return;
        }
        SimulatedToolCall tool = reply.toolCall();
        String block = tool == null ? "{\"type\":\"text\",\"text\":\"\"}"
                : "{\"type\":\"tool_use\",\"id\":\"" + tool.id() + "\",\"name\":" + Json.quote(tool.name()) + ",\"input\":{}}";
        List<String> opening = List.of(
                event("message_start", "{\"type\":\"message_start\",\"message\":" + MessageBodies.started(reply) + "}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":" + block + "}"),
                PING);
        List<String> content = new ArrayList<>(reply.pieces().size());
        for (String piece : reply.pieces()) {
            String delta = tool == null
                    ? "{\"type\":\"text_delta\",\"text\":" + Json.quote(piece) + "}"
                    : "{\"type\":\"input_json_delta\",\"partial_json\":" + Json.quote(piece) + "}";
            content.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":" + delta + "}"));
        }
        String usage = reply.reportUsage() ? ",\"usage\":{\"output_tokens\":" + reply.outputTokens() + "}" : "";
        List<String> closing = List.of(BLOCK_STOP,
                event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                        + MessageBodies.stopReason(reply) + "\",\"stop_sequence\":null}" + usage + "}"),
                MESSAGE_STOP);
        SseStream.play(exchange, new StreamScript(null, opening, content, closing, AnthropicDialect.streamError()));
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }
}
