package io.aigw.gateway.provider;

import java.util.Locale;
import java.util.Set;

/**
 * Request headers that only the gateway sets towards a provider: hop-by-hop headers (RFC 9110 §7.6.1), the body's
 * framing and content headers, and `host`. A provider's `extraHeaders` may not set them (they are dropped).
 */
public final class UpstreamHeaders {

    private static final Set<String> RESERVED = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length",
            "content-type", "content-encoding", "accept-encoding", "expect");

    private UpstreamHeaders() {
    }

    public static boolean reserved(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || lower.startsWith("content-") || lower.startsWith("proxy-")
                || lower.startsWith(":");
    }
}
