package io.aigw.gateway.provider;

import io.aigw.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upstream address policy, applied where the gateway dials: a provider's host name is resolved here, every
 * address it resolves to must be public (no loopback, private, link-local, shared, documentation, multicast or
 * reserved range, IPv4 or IPv6, nor an IPv6 form embedding such an IPv4 address: mapped, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`, Teredo `2001::/32`), and the connection goes to the address that was checked. A name that
 * rebinds to an internal address is therefore refused too. Hosts named in `upstream-allowed-hosts` (as written in
 * the provider's URL: the local stack's `127.0.0.1`) are exempt. Resolutions are cached briefly.
 */
@Singleton
public class UpstreamAddressPolicy {

    /** Why a host was refused; the message names the host, never the provider key. */
    public static final class Refused extends RuntimeException {
        Refused(String host) {
            super("upstream host " + host + " resolves to a non-public address", null, false, false);
        }
    }

    private record Resolved(InetAddress address, long until) {
    }

    private static final long CACHE_NANOS = 30_000_000_000L;

    private final Vertx vertx;
    private final Set<String> allowed;
    private final boolean allowLoopback;
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    public UpstreamAddressPolicy(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.allowed = Set.copyOf(config.upstreamAllowedHosts().orElse(java.util.List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList());
        this.allowLoopback = config.allowLoopbackUpstreams();
    }

    /** The address to dial for {@code host}:{@code port}, or null when the host is allow-listed (dial it as is). */
    public Future<SocketAddress> dial(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (allowed.contains(name)) {
            return Future.succeededFuture(null);
        }
        Resolved cached = cache.get(name);
        if (cached != null && cached.until - System.nanoTime() > 0) {
            return Future.succeededFuture(SocketAddress.inetSocketAddress(port, cached.address.getHostAddress()));
        }
        return vertx.<InetAddress>executeBlocking(() -> check(name, allowLoopback), false)
                .map(address -> {
                    if (cache.size() > 10_000) {
                        cache.clear();
                    }
                    cache.put(name, new Resolved(address, System.nanoTime() + CACHE_NANOS));
                    return SocketAddress.inetSocketAddress(port, address.getHostAddress());
                });
    }

    /** Resolves {@code host}; every address must be public (or loopback, when allowed). The first one is dialled. */
    static InetAddress check(String host, boolean allowLoopback) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(stripBrackets(host));
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !(allowLoopback && address.isLoopbackAddress())) {
                throw new Refused(host);
            }
        }
        return addresses[0];
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether {@code address} is a public unicast address (and any IPv4 address it embeds is too). */
    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b, 0);
        }
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (allZero(b, 0, 10)) {
            // ::, ::1, IPv4-compatible ::a.b.c.d, IPv4-mapped ::ffff:a.b.c.d, ::ffff:0:a.b.c.d
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(b, 12);
            }
            return false;
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return false; // ::ffff:0:a.b.c.d (SIIT)
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return false; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 reach any IPv4 address through a translator
        }
        if (first == 0x20 && second == 0x02) {
            return false; // 6to4 2002::/16 embeds an IPv4 address and reaches it through a relay
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return false; // Teredo 2001::/32
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0x80) || (first == 0xfe && (second & 0xc0) == 0xc0)
                || first == 0xff) {
            return false; // unique local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8
        }
        if (first == 0x01 && second == 0x00 && allZero(b, 2, 6)) {
            return false; // discard-only 100::/64
        }
        return (first & 0xe0) == 0x20; // global unicast 2000::/3
    }

    private static boolean isPublicV4(byte[] b, int at) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        int d = b[at + 2] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && c >= 64 && c <= 127)          // shared address space 100.64/10
                || (a == 169 && c == 254)                      // link-local, cloud metadata
                || (a == 172 && c >= 16 && c <= 31)
                || (a == 192 && c == 168)
                || (a == 192 && c == 0 && (d == 0 || d == 2))  // IETF protocol assignments, TEST-NET-1
                || (a == 192 && c == 88 && d == 99)            // 6to4 relay anycast
                || (a == 198 && (c == 18 || c == 19))          // benchmarking
                || (a == 198 && c == 51 && d == 100)           // TEST-NET-2
                || (a == 203 && c == 0 && d == 113));          // TEST-NET-3
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
