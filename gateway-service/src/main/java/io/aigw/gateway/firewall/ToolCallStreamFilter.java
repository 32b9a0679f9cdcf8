package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the tool-call stream filters of every surface share. Until a stream holds its surface's tool-call marker, its
 * events pass untouched; from then on each event goes through the surface's {@link #event} (or {@link #other} when its
 * data is not a JSON object). A filter writes in stream
 * order through {@link #emit}: at once while no verdict is awaited, else queued behind the verdict; a completed call
 * waits for its verdict with {@link #after} (a decision rule's judge answers asynchronously, the event loop never
 * waits). What a verdict releases goes to the relay's late consumer; {@link #ahead} lets an event whose place does
 * not matter (chat text) pass any verdict awaited.
 */
abstract class ToolCallStreamFilter implements StreamTransform {

    protected final ToolCallCheck check;
    protected final Consumer<List<Finding>> record;
    private final StreamTransform inner;
    private final byte[] marker;
    private final Context context = Vertx.currentContext();
    private final ArrayDeque<Step> waiting = new ArrayDeque<>();
    private Consumer<Buffer> late = released -> { };
    private Promise<Void> drained;
    private Buffer out;
    private boolean engaged;

    private record Step(Future<?> gate, Consumer<Buffer> write) {
    }

    /** {@code inner}: the transform before this one (a translation, the usage filter), or null. */
    ToolCallStreamFilter(ToolCallCheck check, StreamTransform inner, Consumer<List<Finding>> record, String marker) {
        this.check = check;
        this.inner = inner;
        this.record = record;
        this.marker = marker.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public final Buffer apply(Buffer received) {
        return filter(inner == null ? received : inner.apply(received));
    }

    /** The inner transform's events at the upstream's end (a translator's closing events) go through the same check. */
    @Override
    public final Buffer finish() {
        Buffer events = inner == null ? null : inner.finish();
        return events == null || events.length() == 0 ? null : filter(events);
    }

    @Override
    public final Buffer close() {
        return inner == null ? null : inner.close();
    }

    @Override
    public final Buffer failed(Buffer errorEvent) {
        return inner == null ? errorEvent : inner.failed(errorEvent);
    }

    private Buffer filter(Buffer events) {
        if (!engaged && !StreamEvents.contains(events, marker)) {
            return events; // no tool call yet: nothing to look at
        }
        engaged = true;
        out = Buffer.buffer(events.length() + 256);
        StreamEvents.forEach(events, event -> {
            JsonNode data = StreamEvents.data(event);
            if (data == null) {
                other(event);
            } else {
                event(event, data);
            }
        });
        Buffer ready = out;
        out = null;
        return ready;
    }

    /** One complete event of the client's surface, with its data as a JSON object. */
    protected abstract void event(Buffer event, JsonNode data);

    /** An event without a JSON object ({@code [DONE]}, a comment): passed in order unless a surface says otherwise. */
    protected void other(Buffer event) {
        emit(event);
    }

    @Override
    public final void onLate(Consumer<Buffer> late) {
        this.late = late;
    }

    @Override
    public final Future<Void> drained() {
        if (waiting.isEmpty()) {
            return Future.succeededFuture();
        }
        if (drained == null) {
            drained = Promise.promise();
        }
        return drained.future();
    }

    /** Writes in stream order: now, or after the verdicts awaited. */
    protected final void emit(Consumer<Buffer> write) {
        step(null, write);
    }

    protected final void emit(Buffer event) {
        emit(o -> o.appendBuffer(event));
    }

    /** Writes now, ahead of any verdict awaited: only for events whose place among the others does not matter. */
    protected final void ahead(Buffer event) {
        out.appendBuffer(event);
    }

    /** Once {@code verdict} is in (it never fails), and everything before it written: {@code write} in stream order. */
    protected final <T> void after(Future<T> verdict, BiConsumer<T, Buffer> write) {
        step(verdict, o -> write.accept(verdict.result(), o));
    }

    private void step(Future<?> gate, Consumer<Buffer> write) {
        if (waiting.isEmpty() && (gate == null || gate.isComplete())) {
            write.accept(out);
            return;
        }
        waiting.add(new Step(gate, write));
        if (gate != null && !gate.isComplete()) {
            gate.onComplete(done -> {
                if (context == null) {
                    release();
                } else {
                    context.runOnContext(v -> release());
                }
            });
        }
    }

    /** Writes what the verdicts in so far release, in order, to the late consumer. */
    private void release() {
        Buffer released = Buffer.buffer();
        while (!waiting.isEmpty() && (waiting.peek().gate == null || waiting.peek().gate.isComplete())) {
            waiting.poll().write.accept(released);
        }
        if (released.length() > 0) {
            late.accept(released);
        }
        if (waiting.isEmpty() && drained != null) {
            drained.complete();
            drained = null;
        }
    }
}
