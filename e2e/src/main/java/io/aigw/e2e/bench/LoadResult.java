package io.aigw.e2e.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one open-loop phase. Latencies in milliseconds: {@code latency} from each request's due time
 * (corrected for coordinated omission), {@code service} from when it got a connection (what a closed-loop tool
 * such as wrk reports),
 * {@code ttfb} from the due time to the first body byte; {@code latency} is also the time to the last byte.
 * {@code achievedRate} counts the answers up to the last one, so a target that cannot keep the rate shows its own;
 * {@code timeouts} are requests that timed out or were still unanswered when the phase ended (a saturated target).
 * {@code warmupRequests} were sent before the measured ones, at the same rate, and are not in the figures.
 */
public record LoadResult(double rate, int sent, int warmupRequests, int completed, double achievedRate, int statusErrors,
                         int socketErrors, int timeouts, Map<String, Double> latencyMs, Map<String, Double> serviceMs,
                         Map<String, Double> ttfbMs, double eventsPerResponse, int minEvents,
                         double deliveriesPerResponse, int minDeliveries, double bytesPerResponse) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LoadResult of(OpenLoopLoad.Phase phase, double rate, int timeouts, int warmupRequests) {
        int n = phase.completed;
        long[] latency = completedOnly(phase.latency, phase, n);
        long[] service = completedOnly(phase.service, phase, n);
        long[] ttfb = completedOnly(phase.firstByte, phase, n);
        long events = 0;
        long deliveries = 0;
        long bytes = 0;
        int minEvents = n == 0 ? 0 : Integer.MAX_VALUE;
        int minDeliveries = n == 0 ? 0 : Integer.MAX_VALUE;
        for (int k = 0; k < phase.latency.length; k++) {
            if (phase.latency[k] > 0) {
                events += phase.events[k];
                deliveries += phase.deliveries[k];
                bytes += phase.bytes[k];
                minEvents = Math.min(minEvents, phase.events[k]);
                minDeliveries = Math.min(minDeliveries, phase.deliveries[k]);
            }
        }
        double seconds = (Math.max(phase.sentAll, phase.lastAnswer) - phase.start) / 1e9;
        return new LoadResult(rate, phase.latency.length, warmupRequests, n, seconds > 0 ? n / seconds : 0,
                phase.statusErrors,
                phase.socketErrors, timeouts, percentiles(latency), percentiles(service), percentiles(ttfb),
                perResponse(events, n), minEvents, perResponse(deliveries, n), minDeliveries, perResponse(bytes, n));
    }

    private static long[] completedOnly(long[] values, OpenLoopLoad.Phase phase, int n) {
        long[] out = new long[n];
        int i = 0;
        for (int k = 0; k < values.length && i < n; k++) {
            if (phase.latency[k] > 0) {
                out[i++] = values[k];
            }
        }
        return Arrays.copyOf(out, i);
    }

    /** Nearest-rank p50, p90, p99, p99.9, max and mean, in milliseconds. */
    static Map<String, Double> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("p50", rank(sorted, 0.50));
        out.put("p90", rank(sorted, 0.90));
        out.put("p99", rank(sorted, 0.99));
        out.put("p999", rank(sorted, 0.999));
        out.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        out.put("mean", sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6);
        return out;
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double perResponse(long total, int n) {
        return n == 0 ? 0 : (double) total / n;
    }

    public int errors() {
        return statusErrors + socketErrors + timeouts;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
