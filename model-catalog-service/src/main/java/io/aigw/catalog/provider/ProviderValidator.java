package io.aigw.catalog.provider;

import io.aigw.catalog.common.Surfaces;
import io.aigw.kit.problem.Violations;
import io.aigw.catalog.model.ModelValidator;
import io.aigw.catalog.model.Pricing;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules of a provider; errors point into the request body. */
@Singleton
public class ProviderValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");
    static final Set<String> AUTH_SCHEMES = Set.of("bearer", "x-api-key", "api-key", "x-goog-api-key", "none");
    static final Set<String> STATUSES = Set.of("active", "disabled");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** Credentials belong in provider keys; framing headers belong to the gateway. */
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
            "api-key", "x-goog-api-key", "cookie", "host", "content-length", "transfer-encoding", "connection");

    /** Hop-by-hop (RFC 9110 §7.6.1) and body headers: only the gateway frames what it sends upstream. */
    private static final Set<String> GATEWAY_HEADERS = Set.of("keep-alive", "proxy-connection", "te", "trailer",
            "upgrade", "accept-encoding", "expect");

    private final UpstreamUrlPolicy urlPolicy;

    public ProviderValidator(UpstreamUrlPolicy urlPolicy) {
        this.urlPolicy = urlPolicy;
    }

    /** Applies defaults for absent optional fields and validates; throws a 400 problem listing every bad field. */
    public ProviderRequest normalise(ProviderRequest r) {
        Violations v = new Violations();
        if (r.id() == null || !ID.matcher(r.id()).matches()) {
            v.add("/id", "id must match [a-z0-9-]{1,63}");
        }
        String displayName = r.displayName() == null || r.displayName().isBlank() ? r.id() : r.displayName().strip();
        if (displayName != null && displayName.length() > 200) {
            v.add("/displayName", "displayName must be at most 200 characters");
        }
        if (r.baseUrl() == null || r.baseUrl().isBlank()) {
            v.add("/baseUrl", "baseUrl is required");
        } else if (r.baseUrl().length() > 2048) {
            v.add("/baseUrl", "baseUrl must be at most 2048 characters");
        } else {
            urlPolicy.violation(r.baseUrl()).ifPresent(reason -> v.add("/baseUrl", "baseUrl " + reason));
        }
        String authScheme = r.authScheme() == null ? "bearer" : r.authScheme();
        if (!AUTH_SCHEMES.contains(authScheme)) {
            v.add("/authScheme", "authScheme must be one of " + AUTH_SCHEMES);
        }
        Map<String, String> headers = r.extraHeaders() == null ? Map.of() : r.extraHeaders();
        checkHeaders(headers, v);
        boolean keyRequired = r.keyRequired() == null ? !"none".equals(authScheme) : r.keyRequired();
        if (keyRequired && "none".equals(authScheme)) {
            v.add("/keyRequired", "keyRequired cannot be true when authScheme is none");
        }
        if (r.website() != null && !isWebUrl(r.website())) {
            v.add("/website", "website must be an http(s) URL");
        }
        String status = r.status() == null ? "active" : r.status();
        if (!STATUSES.contains(status)) {
            v.add("/status", "status must be one of " + STATUSES);
        }
        List<String> surfaces = r.surfaces() == null ? List.of("openai/chat-completions") : r.surfaces();
        checkSurfaces(surfaces, v);
        Pricing defaultPricing = r.defaultPricing();
        if (defaultPricing != null) {
            ModelValidator.checkPricing("/defaultPricing", defaultPricing, v);
            defaultPricing = defaultPricing.isEmpty() ? null : defaultPricing.normalised();
        }
        v.throwIfAny();
        return new ProviderRequest(r.id(), displayName, r.baseUrl().strip(), authScheme, new LinkedHashMap<>(headers),
                keyRequired, r.allowPassThroughModels() == null || r.allowPassThroughModels(), r.website(), status,
                List.copyOf(surfaces), defaultPricing);
    }

    private static void checkHeaders(Map<String, String> headers, Violations v) {
        if (headers.size() > 20) {
            v.add("/extraHeaders", "at most 20 extra headers");
        }
        headers.forEach((name, value) -> {
            String pointer = "/extraHeaders/" + name.replace("~", "~0").replace("/", "~1");
            if (!HEADER_NAME.matcher(name).matches()) {
                v.add(pointer, "not a valid header name");
            } else if (FORBIDDEN_HEADERS.contains(name.toLowerCase())) {
                v.add(pointer, "header " + name + " may not be set here (credentials belong in provider keys)");
            } else if (gatewayOwned(name.toLowerCase())) {
                v.add(pointer, "header " + name + " may not be set here (hop-by-hop, content and host headers are the gateway's)");
            } else if (value == null || value.length() > 1024 || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                v.add(pointer, "header value must be at most 1024 characters without control characters");
            }
        });
    }

    private static boolean gatewayOwned(String name) {
        return GATEWAY_HEADERS.contains(name) || name.startsWith("content-") || name.startsWith("proxy-");
    }

    static void checkSurfaces(List<String> surfaces, Violations v) {
        if (surfaces.isEmpty()) {
            v.add("/surfaces", "at least one surface is required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < surfaces.size(); i++) {
            String s = surfaces.get(i);
            if (s == null || !Surfaces.ALL.contains(s)) {
                v.add("/surfaces/" + i, "surface must be one of " + Surfaces.ALL);
            } else if (!seen.add(s)) {
                v.add("/surfaces/" + i, "duplicate surface");
            }
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return url.length() <= 2048 && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
