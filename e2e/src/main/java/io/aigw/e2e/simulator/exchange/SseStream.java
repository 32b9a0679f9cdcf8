package io.aigw.e2e.simulator.exchange;

import java.util.List;

/**
 * Plays a {@link StreamScript}: headers at once, the opening events after {@code ttft-ms}, the content chunks
 * spaced by {@code chunk-interval-ms}, then the closing events; or breaks off as {@code break-after} and
 * {@code error-in-stream} ask, or ends cleanly without the closing events as {@code end-after} asks.
 */
public final class SseStream {

    private final Responder out;
    private final StreamScript script;
    private final long interval;
    private final int breakAfter;
    private final int errorAfter;
    private final int endAfter;
    /** The mid-stream error event, with the request's API key in its message when {@code error-echoes-key} asks. */
    private final String error;
    private int next;

    private SseStream(Exchange exchange, StreamScript script) {
        this.out = exchange.responder();
        this.script = script;
        this.interval = exchange.behavior().chunkIntervalMs();
        int size = script.content().size();
        this.breakAfter = clamp(exchange.behavior().breakAfter(), size);
        this.endAfter = clamp(exchange.behavior().endAfter(), size);
        this.errorAfter = script.midStreamError() == null ? -1 : clamp(exchange.behavior().errorInStream(), size);
        String key = exchange.apiKey();
        this.error = script.midStreamError() == null || !exchange.behavior().errorEchoesKey() || key == null
                ? script.midStreamError() : echoing(script.midStreamError(), key);
    }

    public static void play(Exchange exchange, StreamScript script) {
        SseStream stream = new SseStream(exchange, script);
        stream.out.beginStream(script.keepAlive());
        stream.out.after(exchange.behavior().ttftMs(), stream::open);
    }

    /** The error event with "Key <key> failed: " at the start of its message. */
    private static String echoing(String error, String key) {
        String quoted = Json.quote("Key " + key + " failed: ");
        int at = error.indexOf("\"message\":\"") + 11;
        return at < 11 ? error : error.substring(0, at) + quoted.substring(1, quoted.length() - 1) + error.substring(at);
    }

    private static int clamp(int requested, int size) {
        return requested < 0 ? -1 : Math.min(requested, size);
    }

    private void open() {
        writeAll(script.opening());
        resume();
    }

    private void resume() {
        List<String> content = script.content();
        while (!out.isClosed()) {
            if (next == breakAfter) {
                out.breakOff();
                return;
            }
            if (next == endAfter) {
                out.end(); // a clean end without the closing events: no finish, no [DONE]
                return;
            }
            if (next == errorAfter) {
                out.write(error);
                out.end();
                return;
            }
            if (next == content.size()) {
                writeAll(script.closing());
                out.end();
                return;
            }
            out.write(content.get(next++));
            if (interval > 0 && next < content.size()) {
                out.after(interval, this::resume);
                return;
            }
        }
    }

    private void writeAll(List<String> events) {
        for (String event : events) {
            out.write(event);
        }
    }
}
