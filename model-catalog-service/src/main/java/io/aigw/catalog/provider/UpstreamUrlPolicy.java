package io.aigw.catalog.provider;

import io.aigw.catalog.config.CatalogConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SSRF guard for provider base URLs. {@code https} only, and never a loopback, link-local, private or
 * cluster-internal host, unless the host is on {@code aigw.catalog.allowed-http-hosts} (which also permits
 * {@code http}) or is loopback while {@code aigw.catalog.allow-loopback-upstreams} is on. Checked on the
 * literal host, without DNS: the gateway must apply its own connect-time checks against rebinding.
 */
@Singleton
public class UpstreamUrlPolicy {

    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".svc",
            ".cluster.local", ".localdomain", ".home.arpa", ".intranet", ".lan", ".corp");

    private final List<String> allowedHosts;
    private final boolean allowLoopback;

    @Inject
    public UpstreamUrlPolicy(CatalogConfig config) {
        this(config.allowedHttpHosts().orElse(List.of()), config.allowLoopbackUpstreams());
    }

    UpstreamUrlPolicy(List<String> allowedHosts, boolean allowLoopback) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.allowLoopback = allowLoopback;
    }

    /** Why {@code url} may not be used as a base URL, or empty when it may. */
    public Optional<String> violation(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawAuthority() == null) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("not a valid URL: missing or malformed host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials; store them as a provider key");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        String host = normalise(uri.getHost());
        boolean allowed = isAllowListed(host);
        HostClass kind = HostClass.of(host);
        if (kind == HostClass.LOOPBACK && allowLoopback) {
            allowed = true;
        }
        if (!allowed && kind != HostClass.PUBLIC) {
            return Optional.of("host " + host + " is " + kind.description
                    + "; add it to aigw.catalog.allowed-http-hosts to allow it");
        }
        if (!allowed && !scheme.equals("https")) {
            return Optional.of("must use https (http only for hosts on aigw.catalog.allowed-http-hosts)");
        }
        return Optional.empty();
    }

    private boolean isAllowListed(String host) {
        for (String entry : allowedHosts) {
            if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(normalise(entry))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    enum HostClass {
        PUBLIC("public"), LOOPBACK("a loopback address"), PRIVATE("a private, link-local or reserved address"),
        INTERNAL("an internal or cluster-local name"), AMBIGUOUS("an ambiguous numeric host");

        final String description;

        HostClass(String description) {
            this.description = description;
        }

        static HostClass of(String host) {
            if (host.contains(":")) {
                return IpRanges.classifyV6(host);
            }
            String[] labels = host.split("\\.");
            String last = labels[labels.length - 1];
            if (last.matches("[0-9]+|0x[0-9a-f]*")) {
                return IpRanges.classifyV4(host);
            }
            if (host.equals("localhost")) {
                return LOOPBACK;
            }
            if (labels.length < 2 || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
                return INTERNAL;
            }
            return PUBLIC;
        }
    }
}
