package io.aigw.console.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. Towards the owner only an allow-list: the admin token, content negotiation,
 * conditional requests and trace context (the caller's, or with tracing on the console's own); never a cookie or
 * another credential. Back to the caller every header
 * the owner set (ETag, Location, Content-Type, …) except the hop-by-hop ones and cookies.
 */
final class ProxyHeaders {

    private static final Set<String> TO_OWNER = Set.of("authorization", "content-type", "content-length", "accept",
            "accept-language", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "user-agent",
            "traceparent", "tracestate", "x-request-id");

    /** The W3C trace context: relayed as the caller sent it only while the console itself does not trace. */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

    private static final Set<String> NOT_BACK = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-connection", "set-cookie");

    private ProxyHeaders() {
    }

    /**
     * Copies the allowed headers. With {@code traced} the console's Vert.x tracer writes the trace context of its own
     * client span into the request; the caller's is left out, or the owner would get two {@code traceparent} headers
     * and continue the caller's span, skipping the console's.
     */
    static void copyToOwner(MultiMap from, MultiMap to, boolean traced) {
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (TO_OWNER.contains(name) && !(traced && TRACE_CONTEXT.contains(name))) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    static void copyBack(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!NOT_BACK.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
