package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `chat.completion.chunk`s as a Responses stream: `response.created`, `response.in_progress`; content deltas → a
 * message item (`output_item.added`, `content_part.added`, `output_text.delta`s); each tool call → a `function_call`
 * item with `function_call_arguments.delta`s; `data: [DONE]` closes the items (`…done` events) and sends
 * `response.completed` (or `response.incomplete`) with the whole output and usage. An error chunk → an `error` event.
 */
public final class ChatChunksToResponseEvents extends ChatChunkStream {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode request;
    private final List<ObjectNode> output = new ArrayList<>(2);
    private final Map<Integer, Call> calls = new LinkedHashMap<>(2);
    private ObjectNode response;
    private String chatId = "";
    private int sequence;
    private int textIndex = -1;
    private StringBuilder text;
    private String finishReason;
    private JsonNode usage = NODES.objectNode();

    public ChatChunksToResponseEvents(JsonNode request, String provider) {
        super(provider);
        this.request = request;
    }

    private record Call(int outputIndex, ObjectNode item, StringBuilder arguments) {
    }

    @Override
    protected int outputCapacity(int inputLength) {
        return inputLength * 2 + 256;
    }

    @Override
    protected void chunk(JsonNode json, Buffer out) {
        if (response == null) {
            chatId = json.path("id").asText("");
            response = ChatCompletionToResponse.skeleton(chatId, json.path("model").asText(""),
                    json.path("created").asLong(0), request);
            emit(out, event("response.created").set("response", response.deepCopy()));
            emit(out, event("response.in_progress").set("response", response.deepCopy()));
        }
        if (json.path("usage").isObject()) {
            usage = json.get("usage");
        }
        JsonNode choice = json.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual() && !delta.get("content").asText().isEmpty()) {
            text(delta.get("content").asText(), out);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, out);
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
    }

    private void text(String piece, Buffer out) {
        if (textIndex < 0) {
            textIndex = output.size();
            text = new StringBuilder();
            ObjectNode item = ChatCompletionToResponse.messageItem(chatId, "", "in_progress");
            item.putArray("content");
            output.add(item);
            emit(out, event("response.output_item.added").put("output_index", textIndex).set("item", item.deepCopy()));
            ObjectNode part = NODES.objectNode().put("type", "output_text").put("text", "");
            part.putArray("annotations");
            emit(out, itemEvent("response.content_part.added", item).put("content_index", 0).set("part", part));
        }
        text.append(piece);
        ObjectNode delta = itemEvent("response.output_text.delta", output.get(textIndex)).put("content_index", 0)
                .put("delta", piece);
        delta.putArray("logprobs");
        emit(out, delta);
    }

    private void closeText(Buffer out) {
        if (textIndex < 0) {
            return;
        }
        ObjectNode item = ChatCompletionToResponse.messageItem(chatId, text.toString(), "completed");
        output.set(textIndex, item);
        ObjectNode done = itemEvent("response.output_text.done", item).put("content_index", 0).put("text", text.toString());
        done.putArray("logprobs");
        emit(out, done);
        emit(out, itemEvent("response.content_part.done", item).put("content_index", 0).set("part", item.get("content").get(0)));
        emit(out, event("response.output_item.done").put("output_index", textIndex).set("item", item));
        textIndex = -1;
    }

    private void toolCall(JsonNode delta, Buffer out) {
        int index = delta.path("index").asInt(calls.size());
        Call call = calls.get(index);
        JsonNode function = delta.path("function");
        if (call == null) {
            closeText(out);
            ObjectNode item = ChatCompletionToResponse.functionCall(delta.path("id").asText(""),
                    function.path("name").asText(""), "", "in_progress");
            call = new Call(output.size(), item, new StringBuilder());
            calls.put(index, call);
            output.add(item);
            emit(out, event("response.output_item.added").put("output_index", call.outputIndex).set("item", item.deepCopy()));
        }
        String arguments = function.path("arguments").asText("");
        if (!arguments.isEmpty()) {
            call.arguments.append(arguments);
            emit(out, itemEvent("response.function_call_arguments.delta", call.item).put("delta", arguments));
        }
    }

    @Override
    protected void error(String message, Buffer out) {
        emit(out, event("error").put("code", "all_attempts_failed").put("message", message).putNull("param"));
    }

    @Override
    protected void end(Buffer out) {
        closeText(out);
        for (Call call : calls.values()) {
            call.item.put("arguments", call.arguments.toString()).put("status", "completed");
            emit(out, itemEvent("response.function_call_arguments.done", call.item).put("arguments", call.arguments.toString()));
            emit(out, event("response.output_item.done").put("output_index", call.outputIndex).set("item", call.item));
        }
        if (response == null) {
            response = ChatCompletionToResponse.skeleton(chatId, "", 0, request);
        }
        output.forEach(response.withArray("output")::add);
        ChatCompletionToResponse.finish(response, finishReason, usage);
        String type = "completed".equals(response.path("status").asText()) ? "response.completed" : "response.incomplete";
        emit(out, event(type).set("response", response));
    }

    private ObjectNode event(String type) {
        return NODES.objectNode().put("type", type).put("sequence_number", sequence++);
    }

    private ObjectNode itemEvent(String type, ObjectNode item) {
        int index = output.indexOf(item);
        return event(type).put("item_id", item.path("id").asText()).put("output_index", index);
    }

    private static void emit(Buffer out, JsonNode event) {
        out.appendString("event: ").appendString(event.path("type").asText()).appendString("\n");
        SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(event));
    }
}
