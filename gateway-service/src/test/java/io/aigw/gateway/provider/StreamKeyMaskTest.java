package io.aigw.gateway.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stream's key mask finds `error` wherever a read holds it, in heap, sliced and direct buffers alike. */
class StreamKeyMaskTest {

    private static final String KEY = "sk-abcdefghijklmnopqrstuvwxyz0123";

    @Test
    void shouldFindErrorAtEveryPositionOfHeapSlicedAndDirectBuffers() {
        for (String text : new String[] {"error", "data: {\"error\":1}\n\n", "xxxxerror", "errorxxxx", "xerrorx"}) {
            assertThat(text, StreamKeyMask.mentionsError(Buffer.buffer(text)), equalTo(true));
            assertThat(text, StreamKeyMask.mentionsError(sliced(text)), equalTo(true));
            assertThat(text, StreamKeyMask.mentionsError(direct(text)), equalTo(true));
        }
        for (String text : new String[] {"", "erro", "rror", "data: {\"errors\"", "err or", "ERROR", "erroR"}) {
            boolean expected = text.contains("error");
            assertThat(text, StreamKeyMask.mentionsError(Buffer.buffer(text)), equalTo(expected));
            assertThat(text, StreamKeyMask.mentionsError(sliced(text)), equalTo(expected));
            assertThat(text, StreamKeyMask.mentionsError(direct(text)), equalTo(expected));
        }
    }

    @Test
    void shouldNotLookPastTheReadableBytesOfASlice() {
        byte[] bytes = "error|data|error".getBytes(StandardCharsets.US_ASCII);
        assertThat(StreamKeyMask.mentionsError(Buffer.buffer(Unpooled.wrappedBuffer(bytes, 6, 4))), equalTo(false));
        assertThat(StreamKeyMask.mentionsError(Buffer.buffer(Unpooled.wrappedBuffer(bytes, 5, 5))), equalTo(false));
        assertThat(StreamKeyMask.mentionsError(Buffer.buffer(Unpooled.wrappedBuffer(bytes, 10, 6))), equalTo(true));
    }

    @Test
    void shouldMaskTheKeyInAnErrorEventAndPassOtherReadsUntouched() {
        StreamKeyMask mask = new StreamKeyMask(KEY, null);
        Buffer plain = Buffer.buffer("data: {\"choices\":[]}\n\n");
        assertThat(mask.apply(plain) == plain, equalTo(true));
        String masked = mask.apply(Buffer.buffer("data: {\"error\":{\"message\":\"bad key " + KEY + "\"}}\n\n")).toString();
        assertThat(masked.contains(KEY), equalTo(false));
        assertThat(masked.contains("[redacted]"), equalTo(true));
    }

    /** The text inside a larger array, with bytes around it that must not count. */
    private static Buffer sliced(String text) {
        byte[] inner = text.getBytes(StandardCharsets.US_ASCII);
        byte[] outer = new byte[inner.length + 10];
        System.arraycopy("rorxx".getBytes(StandardCharsets.US_ASCII), 0, outer, 0, 5);
        System.arraycopy(inner, 0, outer, 5, inner.length);
        System.arraycopy("xxerr".getBytes(StandardCharsets.US_ASCII), 0, outer, 5 + inner.length, 5);
        return Buffer.buffer(Unpooled.wrappedBuffer(outer, 5, inner.length));
    }

    private static Buffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return Buffer.buffer(Unpooled.directBuffer(bytes.length + 1).writeBytes(bytes));
    }
}
