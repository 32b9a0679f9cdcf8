package io.aigw.e2e.simulator.recording;

import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the last {@code capacity} requests, oldest first, and at most {@link #MAX_BODY_CHARS} characters of their
 * bodies in all (a benchmark's 128 KiB prompts would otherwise fill a small heap: 2,000 of them are 256 MB); does
 * nothing when recording is off.
 */
public final class RequestRecorder {

    /** The bodies kept, in characters, across all recorded requests; the oldest go first when a new one passes it. */
    public static final long MAX_BODY_CHARS = 16L * 1024 * 1024;

    private final boolean enabled;
    private final int capacity;
    private final ArrayDeque<RecordedRequest> ring;
    private long bodyChars;

    public RequestRecorder(boolean enabled, int capacity) {
        this.enabled = enabled;
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(enabled ? Math.min(capacity, 256) : 0);
    }

    public void record(HttpServerRequest request, String body) {
        if (!enabled) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.computeIfAbsent(header.getKey().toLowerCase(), k -> new ArrayList<>(1)).add(header.getValue());
        }
        RecordedRequest recorded = new RecordedRequest(request.method().name(), request.path(), request.query(),
                Collections.unmodifiableMap(headers), body, Instant.now());
        synchronized (ring) {
            ring.addLast(recorded);
            bodyChars += length(recorded);
            while (ring.size() > capacity || (bodyChars > MAX_BODY_CHARS && ring.size() > 1)) {
                bodyChars -= length(ring.removeFirst());
            }
        }
    }

    /** The recorded requests, oldest first; only those on {@code path} unless it is null. */
    public List<RecordedRequest> snapshot(String path) {
        synchronized (ring) {
            List<RecordedRequest> out = new ArrayList<>(ring.size());
            for (RecordedRequest r : ring) {
                if (path == null || path.equals(r.path())) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    public void clear() {
        synchronized (ring) {
            ring.clear();
            bodyChars = 0;
        }
    }

    private static long length(RecordedRequest request) {
        return request.body() == null ? 0 : request.body().length();
    }
}
