package io.aigw.e2e.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator (wrk2-style, no coordinated omission): request k is due at {@code start + k/rate}
 * whether or not earlier ones have answered, and its latency is measured from that due time, so a stalled target
 * is charged for every request it kept waiting. A pacing thread hands due requests to one Vert.x event loop, which
 * sends them over a keep-alive pool; requests beyond the pool wait in its queue (and that wait counts).
 *
 * <p>Per request it also records the time to the first and last body byte, the SSE events received (blank-line
 * terminated) and the separate deliveries: body reads that arrive more than {@link #DELIVERY_GAP_NANOS} after the
 * previous one. A stream whose chunks are spaced by the upstream and forwarded individually has one delivery per
 * chunk; a proxy that buffers delivers it in one.
 *
 * <p>{@code java -cp e2e.jar io.aigw.e2e.bench.OpenLoopLoad --url … --rate 2000 --duration 20s} prints one JSON line.
 */
public final class OpenLoopLoad {

    static final long DELIVERY_GAP_NANOS = 1_000_000;

    private final LoadOptions options;
    private final Vertx vertx;
    private final Context context;
    private final RequestOptions request;
    private final Buffer body;

    private OpenLoopLoad(LoadOptions options) {
        this.options = options;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.context = vertx.getOrCreateContext();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
        for (String header : options.headers()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must be \"Name: value\": " + header);
            }
            headers.set(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        int port = options.url().getPort() < 0 ? 80 : options.url().getPort();
        String path = options.url().getRawPath() == null || options.url().getRawPath().isEmpty() ? "/"
                : options.url().getRawPath();
        this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost(options.url().getHost()).setPort(port)
                .setURI(options.url().getRawQuery() == null ? path : path + "?" + options.url().getRawQuery())
                .setHeaders(headers).setIdleTimeout(options.timeoutNanos() / 1_000_000);
        this.body = Buffer.buffer(options.body());
    }

    public static void main(String[] args) throws Exception {
        LoadResult result = run(LoadOptions.parse(args));
        System.out.println(result.toJson());
    }

    /** Warm-up (discarded), then the measured phase; returns when every request has answered or timed out. */
    public static LoadResult run(LoadOptions options) throws InterruptedException {
        OpenLoopLoad load = new OpenLoopLoad(options);
        try {
            int warmup = options.warmupNanos() > 0 ? options.requestsIn(options.warmupNanos()) : 0;
            if (warmup > 0) {
                load.phase(warmup);
            }
            return load.phase(options.requestsIn(options.durationNanos())).result(options.rate(), warmup);
        } finally {
            CountDownLatch closed = new CountDownLatch(1);
            load.vertx.close().onComplete(ar -> closed.countDown());
            closed.await(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends {@code requests} at the rate on a fresh connection pool, waits for the answers (at most the timeout
     * after the last was due), then closes the pool: whatever a saturated target still owes does not spill into the
     * next phase.
     */
    private Phase phase(int requests) throws InterruptedException {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.timeoutNanos() / 1_000_000)),
                new PoolOptions().setHttp1MaxSize(options.connections()).setMaxWaitQueueSize(-1));
        Phase phase = new Phase(requests);
        double period = 1e9 / options.rate();
        long start = System.nanoTime() + 2_000_000;
        phase.start = start;
        int next = 0;
        while (next < requests) {
            long due = start + (long) (next * period);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            int from = next;
            while (next < requests && start + (long) (next * period) <= now) {
                next++;
            }
            int to = next;
            context.runOnContext(v -> {
                for (int k = from; k < to; k++) {
                    send(client, phase, k, start + (long) (k * period));
                }
            });
        }
        phase.sentAll = System.nanoTime();
        long deadline = phase.sentAll + options.timeoutNanos() + 1_000_000_000L;
        while (phase.finished.get() < requests && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        CountDownLatch sealed = new CountDownLatch(1);
        context.runOnContext(v -> {
            phase.sealed = true;
            sealed.countDown();
        });
        sealed.await(10, TimeUnit.SECONDS);
        CountDownLatch closed = new CountDownLatch(1);
        client.close().onComplete(ar -> closed.countDown());
        closed.await(10, TimeUnit.SECONDS);
        return phase;
    }

    private void send(HttpClient client, Phase phase, int k, long due) {
        Call call = new Call(phase, k, due);
        client.request(request).onComplete(ar -> {
            if (ar.failed()) {
                call.fail(ar.cause());
                return;
            }
            call.sent = System.nanoTime();
            ar.result().response().onComplete(rr -> {
                if (rr.failed()) {
                    call.fail(rr.cause());
                    return;
                }
                HttpClientResponse response = rr.result();
                call.status = response.statusCode();
                response.handler(call::data);
                response.exceptionHandler(call::fail);
                response.endHandler(v -> call.end());
            });
            ar.result().end(body);
        });
    }

    /** What one phase recorded; written only on the event loop until {@link #sealed}. */
    static final class Phase {
        final long[] latency;
        final long[] service;
        final long[] firstByte;
        final int[] events;
        final int[] deliveries;
        final long[] bytes;
        final AtomicInteger finished = new AtomicInteger();
        int completed;
        int statusErrors;
        int socketErrors;
        int timeouts;
        boolean sealed;
        long start;
        long sentAll;
        long lastAnswer;

        Phase(int requests) {
            latency = new long[requests];
            service = new long[requests];
            firstByte = new long[requests];
            events = new int[requests];
            deliveries = new int[requests];
            bytes = new long[requests];
        }

        LoadResult result(double rate, int warmupRequests) {
            int unanswered = latency.length - completed - statusErrors - socketErrors - timeouts;
            return LoadResult.of(this, rate, timeouts + unanswered, warmupRequests);
        }
    }

    private static final class Call {
        private final Phase phase;
        private final int k;
        private final long due;
        private long sent;
        private int status;
        private long first;
        private long last;
        private int events;
        private int deliveries;
        private long bytes;
        private boolean newline;
        private boolean done;

        Call(Phase phase, int k, long due) {
            this.phase = phase;
            this.k = k;
            this.due = due;
        }

        void data(Buffer buffer) {
            long now = System.nanoTime();
            if (first == 0) {
                first = now;
            }
            if (deliveries == 0 || now - last > DELIVERY_GAP_NANOS) {
                deliveries++;
            }
            last = now;
            bytes += buffer.length();
            for (int i = 0, n = buffer.length(); i < n; i++) {
                byte b = buffer.getByte(i);
                if (b == '\r') {
                    continue;
                }
                if (b == '\n' && newline) {
                    events++;
                }
                newline = b == '\n';
            }
        }

        void end() {
            if (done || phase.sealed) {
                return;
            }
            done = true;
            long now = System.nanoTime();
            phase.lastAnswer = now;
            if (status < 200 || status > 299) {
                phase.statusErrors++;
            } else {
                phase.completed++;
                phase.latency[k] = now - due;
                phase.service[k] = now - sent;
                phase.firstByte[k] = (first == 0 ? now : first) - due;
                phase.events[k] = events;
                phase.deliveries[k] = deliveries;
                phase.bytes[k] = bytes;
            }
            phase.finished.incrementAndGet();
        }

        void fail(Throwable cause) {
            if (done || phase.sealed) {
                return;
            }
            done = true;
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                phase.timeouts++;
            } else {
                phase.socketErrors++;
            }
            phase.finished.incrementAndGet();
        }
    }
}
