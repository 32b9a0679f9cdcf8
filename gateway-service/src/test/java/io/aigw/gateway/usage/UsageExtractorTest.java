package io.aigw.gateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UsageExtractorTest {

    private static UsageEvent.Tokens read(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return UsageExtractor.fromJson(bytes, 0, bytes.length);
    }

    @Test
    void shouldReadAnOpenAiUsageThatFollowsTheChoices() {
        assertEquals(UsageEvent.Tokens.of(12, 34, 2, 5, false), read("{\"id\":\"x\",\"choices\":[{\"message\":"
                + "{\"content\":\"usage\"}}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":5,\"audio_tokens\":0}}}"));
    }

    @Test
    void shouldReadResponsesUsageWhoseInputAlreadyCountsItsCachedTokens() {
        assertEquals(UsageEvent.Tokens.of(10, 20, 4, 3, false), read("{\"response\":{\"id\":\"r\",\"usage\":"
                + "{\"input_tokens\":10,\"output_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":4},"
                + "\"output_tokens_details\":{\"reasoning_tokens\":3}}}}"));
    }

    /** Anthropic's input_tokens counts only the uncached part: reads and writes come on top, never capped by it. */
    @Test
    void shouldAddAnthropicCacheReadsAndWritesToAnInputFarSmallerThanThem() {
        assertEquals(new UsageEvent.Tokens(18_007, 1, 10_000, 5_000, 3_000, 0, false, null), read(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":7,\"output_tokens\":1,"
                + "\"cache_read_input_tokens\":10000,\"cache_creation_input_tokens\":8000,\"cache_creation\":"
                + "{\"ephemeral_5m_input_tokens\":5000,\"ephemeral_1h_input_tokens\":3000}}}}"));
        assertEquals(new UsageEvent.Tokens(8_607, 2, 600, 8_000, 0, 0, false, null), read("{\"usage\":{\"input_tokens\":7,"
                + "\"output_tokens\":2,\"cache_read_input_tokens\":600,\"cache_creation_input_tokens\":8000}}"));
    }

    @Test
    void shouldReadOpenRoutersCostExactlyAndAddTheUpstreamCostOfABringYourOwnKeyCall() {
        UsageEvent.Tokens plain = read("{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"cost\":0.000123456789}}");
        assertEquals(new java.math.BigDecimal("0.000123456789"), plain.reportedCostUsd());
        UsageEvent.Tokens byok = read("{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"cost\":0.00001,"
                + "\"is_byok\":true,\"cost_details\":{\"upstream_inference_cost\":0.0002}}}");
        assertEquals(0, new java.math.BigDecimal("0.00021").compareTo(byok.reportedCostUsd()));
    }

    @Test
    void shouldReadGeminiUsageMetadataWithThoughtsAsReasoningOutput() {
        assertEquals(UsageEvent.Tokens.of(130, 70, 100, 50, false), read("{\"candidates\":[],\"usageMetadata\":"
                + "{\"promptTokenCount\":120,\"toolUsePromptTokenCount\":10,\"candidatesTokenCount\":20,"
                + "\"thoughtsTokenCount\":50,\"cachedContentTokenCount\":100,\"totalTokenCount\":200}}"));
    }

    @Test
    void shouldReadDeepSeekCacheHitsAsCachedInput() {
        assertEquals(UsageEvent.Tokens.of(100, 5, 64, 0, false), read("{\"usage\":{\"prompt_tokens\":100,"
                + "\"completion_tokens\":5,\"prompt_cache_hit_tokens\":64,\"prompt_cache_miss_tokens\":36}}"));
    }

    @Test
    void shouldPreferOpenAiNamesAndReadNumbersGivenAsTextOrNull() {
        assertEquals(UsageEvent.Tokens.of(0, 9, 0, 0, false),
                read("{\"usage\":{\"prompt_tokens\":null,\"input_tokens\":5,\"completion_tokens\":\"9\",\"output_tokens\":8}}"));
    }

    @Test
    void shouldFindNoUsageWhenThereIsNoUsageObject() {
        assertNull(read("{\"usage\":null,\"choices\":[]}"));
        assertNull(read("{\"message\":{\"usage\":null}}"));
        assertNull(read("not json"));
    }

    /** The stream path (one chunk) and the whole-answer path share one parse: they must read the same usage. */
    @Test
    void shouldReadTheSameUsageFromAStreamChunkAsFromAWholeAnswerForEveryShape() {
        String[] shapes = {
            "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_tokens\":5}}}",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1,"
                    + "\"cache_read_input_tokens\":100,\"cache_creation_input_tokens\":80},\"model\":\"claude\"}}",
            "{\"type\":\"response.completed\",\"response\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}}",
            "{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":3}}",
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"cost\":0.00001,\"is_byok\":true,"
                    + "\"cost_details\":{\"upstream_inference_cost\":0.0002}}}",
            "{\"message\":{\"usage\":{\"input_tokens\":1}},\"usage\":{\"input_tokens\":2}}",
            "{\"usage\":{\"prompt_tokens\":4},\"choices\":[] trailing",
            "{\"usage\":null,\"choices\":[]}",
            "not json",
        };
        for (String shape : shapes) {
            byte[] bytes = shape.getBytes(StandardCharsets.UTF_8);
            assertEquals(read(shape), UsageExtractor.chunk(bytes, 0, bytes.length).tokens(), shape);
        }
        assertEquals(1, read(shapes[5]).input(), "the first usage found wins");
        assertEquals(4, read(shapes[6]).input(), "usage read before a malformed rest is kept");
    }

    @Test
    void shouldTellAUsageOnlyChunkFromOneWithChoicesAndFromAnUnparsableOne() {
        assertEquals(new UsageExtractor.Chunk(UsageEvent.Tokens.of(1, 2, 0, 0, false), true, true),
                chunk("{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}"));
        assertEquals(new UsageExtractor.Chunk(UsageEvent.Tokens.of(1, 2, 0, 0, false), false, true),
                chunk("{\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}"));
        assertEquals(new UsageExtractor.Chunk(null, false, true), chunk("{\"choices\":[],\"usage\":null}"));
        assertEquals(new UsageExtractor.Chunk(UsageEvent.Tokens.of(1, 0, 0, 0, false), false, false),
                chunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}"));
    }

    private static UsageExtractor.Chunk chunk(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return UsageExtractor.chunk(bytes, 0, bytes.length);
    }

    @Test
    void shouldSpotAUsageObjectInAStreamBurstButNotTheUsageNullOfEveryChunk() {
        String chunk = "data: {\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"usage\"}}],\"usage\":null,"
                + "\"system_fingerprint\":\"fp_g\"}\n\n";
        String last = "data: {\"id\":\"c\",\"choices\":[],\"usage\" : {\"prompt_tokens\":1}}\n\n";
        Buffer burst = Buffer.buffer(chunk + chunk + last + "data: [DONE]\n\n");
        int lastStart = 2 * chunk.length();
        assertFalse(UsageExtractor.mentionsUsageObject(burst, 0, lastStart));
        assertTrue(UsageExtractor.mentionsUsageObject(burst, 0, burst.length()));
        assertTrue(UsageExtractor.mentionsUsageObject(burst, lastStart, lastStart + last.length()));
        assertFalse(UsageExtractor.mentionsUsageObject(burst, lastStart + 1 + last.indexOf("usage"), burst.length()));
    }

    @Test
    void shouldSpotGeminisUsageMetadataInAStreamBurst() {
        String chunk = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"usage\"}],\"role\":\"model\"}}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5}}\r\n\r\n";
        String text = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"usage\"}]}}]}\r\n\r\n";
        assertTrue(UsageExtractor.mentionsUsageObject(Buffer.buffer(chunk), 0, chunk.length()));
        assertFalse(UsageExtractor.mentionsUsageObject(Buffer.buffer(text), 0, text.length()));
    }
}
