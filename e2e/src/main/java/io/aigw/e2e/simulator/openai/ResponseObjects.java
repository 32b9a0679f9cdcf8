package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.SimulatedToolCall;
import io.aigw.e2e.simulator.exchange.Json;

/** The Responses API {@code response} object and its parts (a message, or a function call), at each stage of its life. */
final class ResponseObjects {

    private final SimulatedReply reply;
    private final String instructions;
    private final String maxOutputTokens;
    final String messageId;

    ResponseObjects(SimulatedReply reply, String instructions, String maxOutputTokens) {
        this.reply = reply;
        this.instructions = instructions;
        this.maxOutputTokens = maxOutputTokens;
        this.messageId = "msg_sim" + reply.id().substring(reply.id().indexOf("sim") + 3);
    }

    /** The final status: {@code incomplete} when {@code max_output_tokens} cut the text short. */
    String finalStatus() {
        return reply.truncated() ? "incomplete" : "completed";
    }

    String inProgress() {
        return response("in_progress", "[]", false);
    }

    String finished() {
        String item = reply.toolCall() != null ? functionCall("completed", reply.toolCall().argumentsJson())
                : message(finalStatus(), "[" + textPart(reply.text()) + "]");
        return response(finalStatus(), "[" + item + "]", true);
    }

    /** The {@code function_call} item of a reply that calls a tool. */
    String functionCall(String status, String arguments) {
        SimulatedToolCall tool = reply.toolCall();
        return "{\"id\":\"fc_" + tool.id() + "\",\"type\":\"function_call\",\"status\":\"" + status
                + "\",\"arguments\":" + Json.quote(arguments) + ",\"call_id\":\"" + tool.id() + "\",\"name\":"
                + Json.quote(tool.name()) + "}";
    }

    String message(String status, String content) {
        return "{\"id\":\"" + messageId + "\",\"type\":\"message\",\"status\":\"" + status + "\",\"content\":" + content
                + ",\"role\":\"assistant\"}";
    }

    static String textPart(String text) {
        return "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":" + Json.quote(text) + "}";
    }

    private String response(String status, String output, boolean withUsage) {
        String incomplete = status.equals("incomplete") ? "{\"reason\":\"max_output_tokens\"}" : "null";
        String usage = withUsage && reply.reportUsage() ? usage() : "null";
        return "{\"id\":\"" + reply.id() + "\",\"object\":\"response\",\"created_at\":" + reply.created()
                + ",\"status\":\"" + status + "\",\"background\":false,\"error\":null,\"incomplete_details\":" + incomplete
                + ",\"instructions\":" + Json.quote(instructions) + ",\"max_output_tokens\":" + maxOutputTokens
                + ",\"model\":" + Json.quote(reply.model()) + ",\"output\":" + output
                + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,"
                + "\"summary\":null},\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},"
                + "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":" + usage
                + ",\"user\":null,\"metadata\":{}}";
    }

    private String usage() {
        return "{\"input_tokens\":" + reply.promptTokens() + ",\"input_tokens_details\":{\"cached_tokens\":0},"
                + "\"output_tokens\":" + reply.outputTokens() + ",\"output_tokens_details\":{\"reasoning_tokens\":0},"
                + "\"total_tokens\":" + reply.totalTokens() + "}";
    }
}
