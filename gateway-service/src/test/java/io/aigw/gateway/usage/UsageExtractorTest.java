package io.aigw.gateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
