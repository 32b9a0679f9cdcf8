package io.aigw.e2e.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.exchange.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one answer, shared by its JSON and stream renderings: ids, echoed model, token counts and the
 * content pieces (words of text, or pieces of a tool call's arguments). Output tokens = number of pieces.
 *
 * @param truncated true when a max-tokens field cut the answer short (finish reason "length" / "max_tokens")
 * @param reportUsage false under {@code usage=0}
 */
public record SimulatedReply(String id, long created, String model, int promptTokens, List<String> pieces,
                             boolean truncated, SimulatedToolCall toolCall, boolean reportUsage) {

    /**
     * Plans the answer to {@code exchange}.
     *
     * @param maxTokenFields request fields that cap the output, first present wins
     * @param toolIdPrefix   prefix of a tool call id ({@code call_sim}, {@code toolu_sim}); null when the surface
     *                       has no tool calls
     */
    public static SimulatedReply plan(Exchange exchange, String idPrefix, int promptTokens, String toolIdPrefix,
                                      String... maxTokenFields) {
        return plan(exchange, exchange.json(), idPrefix, promptTokens, toolIdPrefix, maxTokenFields);
    }

    /**
     * As {@link #plan(Exchange, String, int, String, String...)}, reading tools, tool choice and the max-tokens fields
     * from {@code json}: the request brought to OpenAI's or Anthropic's shape by a provider whose own shape differs.
     */
    public static SimulatedReply plan(Exchange exchange, JsonNode json, String idPrefix, int promptTokens,
                                      String toolIdPrefix, String... maxTokenFields) {
        int chunks = exchange.behavior().chunks();
        SimulatedToolCall tool = toolIdPrefix == null ? null
                : SimulatedToolCall.choose(json, exchange.behavior().tool(), toolIdPrefix + exchange.sequence());
        if (tool != null) {
            return new SimulatedReply(idPrefix + exchange.sequence(), exchange.createdAt(), exchange.model(),
                    promptTokens, tool.argumentPieces(chunks), false, tool, exchange.behavior().usage());
        }
        if (exchange.behavior().reply() != null) {
            return new SimulatedReply(idPrefix + exchange.sequence(), exchange.createdAt(), exchange.model(),
                    promptTokens, List.of(exchange.behavior().reply()), false, null, exchange.behavior().usage());
        }
        int limit = maxTokens(json, maxTokenFields);
        int count = limit > 0 ? Math.min(chunks, limit) : chunks;
        List<String> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(SimulatedText.piece(i));
        }
        return new SimulatedReply(idPrefix + exchange.sequence(), exchange.createdAt(), exchange.model(),
                promptTokens, pieces, count < chunks, null, exchange.behavior().usage());
    }

    private static int maxTokens(JsonNode json, String... fields) {
        for (String field : fields) {
            if (json.path(field).isNumber()) {
                return json.get(field).intValue();
            }
        }
        return 0;
    }

    public int outputTokens() {
        return pieces.size();
    }

    public int totalTokens() {
        return promptTokens + outputTokens();
    }

    public String text() {
        return toolCall != null ? "" : String.join("", pieces);
    }
}
