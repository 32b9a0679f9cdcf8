package io.aigw.gateway.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The usage chunk the gateway asked for on its own leaves the client's stream; every other byte passes. */
class UsageChunkFilterTest {

    private static final String CONTENT = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],"
            + "\"usage\":null}\n\n";
    private static final String USAGE = "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,"
            + "\"completion_tokens\":2,\"total_tokens\":5}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private final UsageChunkFilter filter = new UsageChunkFilter();

    @Test
    void shouldDropTheUsageChunkFromTheMiddleOfABurstAndKeepWhatFollowsIt() {
        Buffer burst = Buffer.buffer(CONTENT + CONTENT + USAGE + DONE);

        assertEquals(CONTENT + CONTENT + DONE, filter.apply(burst).toString());
    }

    @Test
    void shouldPassABurstWhoseChunksCarryOnlyUsageNullUntouched() {
        Buffer burst = Buffer.buffer(CONTENT + CONTENT + CONTENT);

        assertSame(burst, filter.apply(burst));
    }

    @Test
    void shouldKeepAChunkThatHasChoicesBesideItsUsage() {
        String last = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n";
        Buffer burst = Buffer.buffer(CONTENT + last + DONE);

        assertEquals(CONTENT + last + DONE, filter.apply(burst).toString());
    }

    @Test
    void shouldDropEveryUsageChunkOfABurstFramedWithCarriageReturns() {
        String usage = USAGE.replace("\n", "\r\n");
        String content = CONTENT.replace("\n", "\r\n");
        Buffer burst = Buffer.buffer(usage + content + usage + content);

        assertEquals(content + content, filter.apply(burst).toString());
    }
}
