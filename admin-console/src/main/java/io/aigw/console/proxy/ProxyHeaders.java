package io.aigw.console.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. Towards the owner only an allow-list: the admin token, content negotiation,
 * conditional requests and trace context; never a cookie or another credential. Back to the caller every header
 * the owner set (ETag, Location, Content-Type, …) except the hop-by-hop ones and cookies.
 */
final class ProxyHeaders {

    private static final Set<String> TO_OWNER = Set.of("authorization", "content-type", "content-length", "accept",
            "accept-language", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "user-agent",
            "traceparent", "tracestate", "x-request-id");

    private static final Set<String> NOT_BACK = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-connection", "set-cookie");

    private ProxyHeaders() {
    }

    static void copyToOwner(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (TO_OWNER.contains(header.getKey().toLowerCase(Locale.ROOT))) {
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
