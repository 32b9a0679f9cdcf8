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
        assertEquals(new UsageEvent.Tokens(12, 34, 2, 5, false), read("{\"id\":\"x\",\"choices\":[{\"message\":"
                + "{\"content\":\"usage\"}}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":5,\"audio_tokens\":0}}}"));
    }

    @Test
    void shouldReadResponsesAndAnthropicFieldsWithTheLargestCachedCount() {
        assertEquals(new UsageEvent.Tokens(10, 20, 4, 3, false), read("{\"response\":{\"id\":\"r\",\"usage\":"
                + "{\"input_tokens\":10,\"output_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":4},"
                + "\"output_tokens_details\":{\"reasoning_tokens\":3}}}}"));
        assertEquals(new UsageEvent.Tokens(7, 1, 6, 0, false), read("{\"type\":\"message_start\",\"message\":"
                + "{\"usage\":{\"input_tokens\":7,\"output_tokens\":1,\"cache_read_input_tokens\":6}}}"));
    }

    @Test
    void shouldPreferOpenAiNamesAndReadNumbersGivenAsTextOrNull() {
        assertEquals(new UsageEvent.Tokens(0, 9, 0, 0, false),
                read("{\"usage\":{\"prompt_tokens\":null,\"input_tokens\":5,\"completion_tokens\":\"9\",\"output_tokens\":8}}"));
    }

    @Test
    void shouldFindNoUsageWhenThereIsNoUsageObject() {
        assertNull(read("{\"usage\":null,\"choices\":[]}"));
        assertNull(read("{\"message\":{\"usage\":null}}"));
        assertNull(read("not json"));
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
}
