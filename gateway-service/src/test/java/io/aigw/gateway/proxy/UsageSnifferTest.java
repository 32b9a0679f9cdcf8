package io.aigw.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aigw.gateway.usage.UsageEvent;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * One pass over each burst: the usage is read for metering, and the usage chunk the gateway asked for on its own leaves
 * the client's stream; every other byte passes.
 */
class UsageSnifferTest {

    private static final String CONTENT = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],"
            + "\"usage\":null}\n\n";
    private static final String USAGE = "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,"
            + "\"completion_tokens\":2,\"total_tokens\":5}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private final UsageSniffer dropping = new UsageSniffer(true);
    private final UsageSniffer keeping = new UsageSniffer(false);

    private static void assertTokens(long input, long output, UsageEvent.Tokens tokens) {
        assertEquals(input, tokens.input());
        assertEquals(output, tokens.output());
    }

    @Test
    void shouldDropTheUsageChunkFromTheMiddleOfABurstKeepWhatFollowsItAndMeterIt() {
        Buffer burst = Buffer.buffer(CONTENT + CONTENT + USAGE + DONE);

        assertEquals(CONTENT + CONTENT + DONE, dropping.read(burst).toString());
        assertTokens(3, 2, dropping.usage());
    }

    @Test
    void shouldKeepAndMeterTheUsageChunkWhenTheClientAskedForIt() {
        Buffer burst = Buffer.buffer(CONTENT + USAGE + DONE);

        assertSame(burst, keeping.read(burst));
        assertTokens(3, 2, keeping.usage());
    }

    @Test
    void shouldPassABurstWhoseChunksCarryOnlyUsageNullUntouched() {
        Buffer burst = Buffer.buffer(CONTENT + CONTENT + CONTENT);

        assertSame(burst, dropping.read(burst));
        assertNull(dropping.usage());
    }

    @Test
    void shouldKeepAChunkThatHasChoicesBesideItsUsage() {
        String last = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n";
        Buffer burst = Buffer.buffer(CONTENT + last + DONE);

        assertEquals(CONTENT + last + DONE, dropping.read(burst).toString());
        assertTokens(3, 2, dropping.usage());
    }

    @Test
    void shouldDropEveryUsageChunkOfABurstFramedWithCarriageReturns() {
        String usage = USAGE.replace("\n", "\r\n");
        String content = CONTENT.replace("\n", "\r\n");
        Buffer burst = Buffer.buffer(usage + content + usage + content);

        assertEquals(content + content, dropping.read(burst).toString());
        assertTokens(3, 2, dropping.usage());
    }

    @Test
    void shouldDropAUsageChunkWhoseUsageComesBeforeItsEmptyChoices() {
        String usage = "data: {\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1},\"choices\":[],\"id\":\"c\"}\n\n";

        assertEquals(CONTENT + DONE, dropping.read(Buffer.buffer(CONTENT + usage + DONE)).toString());
        assertTokens(4, 1, dropping.usage());
    }

    @Test
    void shouldDropAUsageChunkWhoseDataIsSplitOverTwoLines() {
        String usage = "data: {\"id\":\"c\",\"choices\":[],\n"
                + "data: \"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n";

        assertEquals(CONTENT + DONE, dropping.read(Buffer.buffer(CONTENT + usage + DONE)).toString());
    }

    @Test
    void shouldMergeUsageReadOverSeveralBurstsAndEventsOfAnAnthropicStream() {
        String start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":"
                + "{\"input_tokens\":7,\"output_tokens\":1},\"model\":\"x\"}}\n\n";
        String delta = "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":9}}\n\n";
        Buffer first = Buffer.buffer(start);
        Buffer second = Buffer.buffer(delta);

        assertSame(first, keeping.read(first));
        assertSame(second, keeping.read(second));
        assertTokens(7, 9, keeping.usage());
    }
}
