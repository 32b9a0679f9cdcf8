package io.aigw.e2e.simulator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.SseStream;
import io.aigw.e2e.simulator.exchange.StreamScript;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/responses}: a {@code response} object, or the typed event stream {@code response.created},
 * {@code response.in_progress}, {@code response.output_item.added}, {@code response.content_part.added},
 * {@code response.output_text.delta} ×N, the {@code .done} events and {@code response.completed} with usage; when the
 * request offers tools and asks for a call, a {@code function_call} item whose arguments stream as
 * {@code response.function_call_arguments.delta}s.
 */
public final class ResponsesEndpoint implements Endpoint {

    @Override
    public void handle(Exchange exchange) {
        JsonNode json = exchange.json();
        SimulatedReply reply = SimulatedReply.plan(exchange, "resp_sim",
                TokenCount.prompt(json.get("instructions"), json.get("input")), "call_sim", "max_output_tokens");
        JsonNode max = json.path("max_output_tokens");
        ResponseObjects objects = new ResponseObjects(reply, json.path("instructions").textValue(),
                max.isNumber() ? max.toString() : "null");
        if (!exchange.streamRequested()) {
            exchange.responder().json(objects.finished());
            return;
        }
        if (reply.toolCall() != null) {
            SseStream.play(exchange, functionCallScript(reply, objects, exchange.behavior().errorInStream()));
            return;
        }
        Events events = new Events();
        String item = "\"item_id\":\"" + objects.messageId + "\",\"output_index\":0,\"content_index\":0";
        List<String> opening = List.of(
                events.next("response.created", "\"response\":" + objects.inProgress()),
                events.next("response.in_progress", "\"response\":" + objects.inProgress()),
                events.next("response.output_item.added", "\"output_index\":0,\"item\":"
                        + objects.message("in_progress", "[]")),
                events.next("response.content_part.added", item + ",\"part\":" + ResponseObjects.textPart("")));
        List<String> content = new ArrayList<>(reply.pieces().size());
        for (String piece : reply.pieces()) {
            content.add(events.next("response.output_text.delta", item + ",\"delta\":" + Json.quote(piece)
                    + ",\"logprobs\":[]"));
        }
        String text = reply.text();
        String finalEvent = reply.truncated() ? "response.incomplete" : "response.completed";
        List<String> closing = List.of(
                events.next("response.output_text.done", item + ",\"text\":" + Json.quote(text) + ",\"logprobs\":[]"),
                events.next("response.content_part.done", item + ",\"part\":" + ResponseObjects.textPart(text)),
                events.next("response.output_item.done", "\"output_index\":0,\"item\":"
                        + objects.message(objects.finalStatus(), "[" + ResponseObjects.textPart(text) + "]")),
                events.next(finalEvent, "\"response\":" + objects.finished()));
        SseStream.play(exchange, new StreamScript(null, opening, content, closing,
                error(4 + Math.min(exchange.behavior().errorInStream(), reply.pieces().size()))));
    }

    /** A function call: the item added with empty arguments, one arguments delta per piece, the `…done` events. */
    private static StreamScript functionCallScript(SimulatedReply reply, ResponseObjects objects, int errorAfter) {
        Events events = new Events();
        String itemId = "\"item_id\":\"fc_" + reply.toolCall().id() + "\",\"output_index\":0";
        List<String> opening = List.of(
                events.next("response.created", "\"response\":" + objects.inProgress()),
                events.next("response.in_progress", "\"response\":" + objects.inProgress()),
                events.next("response.output_item.added", "\"output_index\":0,\"item\":"
                        + objects.functionCall("in_progress", "")));
        List<String> content = new ArrayList<>(reply.pieces().size());
        for (String piece : reply.pieces()) {
            content.add(events.next("response.function_call_arguments.delta", itemId + ",\"delta\":" + Json.quote(piece)));
        }
        String arguments = reply.toolCall().argumentsJson();
        List<String> closing = List.of(
                events.next("response.function_call_arguments.done", itemId + ",\"arguments\":" + Json.quote(arguments)),
                events.next("response.output_item.done", "\"output_index\":0,\"item\":"
                        + objects.functionCall("completed", arguments)),
                events.next("response.completed", "\"response\":" + objects.finished()));
        return new StreamScript(null, opening, content, closing, error(3 + Math.min(errorAfter, reply.pieces().size())));
    }

    private static String error(int sequence) {
        return "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The server had"
                + " an error while processing your request. Sorry about that!\",\"param\":null,\"sequence_number\":"
                + sequence + "}\n\n";
    }

    /** Frames typed events and numbers them ({@code sequence_number}). */
    private static final class Events {
        private int sequence;

        String next(String type, String fields) {
            return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence++ + ","
                    + fields + "}\n\n";
        }
    }
}
