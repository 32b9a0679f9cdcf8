package io.aigw.e2e.simulator.recording;

import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the last {@code capacity} requests, oldest first; does nothing when recording is off. */
public final class RequestRecorder {

    private final boolean enabled;
    private final int capacity;
    private final ArrayDeque<RecordedRequest> ring;

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
            if (ring.size() == capacity) {
                ring.removeFirst();
            }
            ring.addLast(recorded);
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
        }
    }
}
