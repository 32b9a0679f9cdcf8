package io.aigw.gateway.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Re-shapes an upstream error into the gateway's envelope (SPEC §1.6). The upstream body is never
 * forwarded: only its `message` reaches the client, and only for errors that are the client's to fix,
 * with the provider key and anything that looks like a credential masked.
 */
public final class UpstreamErrorTranslator {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_MESSAGE = 400;
    /** The shortest piece of a provider key that is masked wherever it appears. */
    static final int MIN_FRAGMENT = 6;
    /** Key-like runs: `sk-…`, long tokens, anything with `***` masking around it. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(?:sk|pk|rk|ak|ag|key|api[-_]?key)[-_][A-Za-z0-9_*.\\-]{3,}|[A-Za-z0-9_\\-]*\\*{2,}[A-Za-z0-9_\\-]*"
                    + "|[A-Za-z0-9_\\-]{24,}");

    private UpstreamErrorTranslator() {
    }

    /** The client's error for an upstream 4xx that ends the request (not 401/403/408/429). */
    public static GatewayException clientError(int status, Buffer body, String key, String provider,
            Map<String, String> headers) {
        String upstream = message(body);
        String text = "Provider \"" + provider + "\" rejected the request (HTTP " + status + ")"
                + (upstream == null ? "." : ": " + scrub(upstream, key));
        ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND
                : status == 413 ? ErrorCode.REQUEST_TOO_LARGE : ErrorCode.INVALID_REQUEST;
        return new GatewayException(code, status, text, null, headers);
    }

    /**
     * The status the failover table reads: Google answers a wrong API key with 400 `INVALID_ARGUMENT` and reason
     * `API_KEY_INVALID`, which means what other providers say with 401 (the next key is tried).
     */
    public static int keyStatus(io.aigw.gateway.routing.Surface surface, int status, Buffer body) {
        return surface == io.aigw.gateway.routing.Surface.GENERATE_CONTENT && status == 400 && body != null
                && body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"API_KEY_INVALID\"") ? 401 : status;
    }

    /** The upstream's own message, or null when the body has none. */
    static String message(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try (JsonParser p = JSON.createParser(body.getBytes())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int depth = 1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth <= 2
                        && ("message".equals(p.currentName()) || "detail".equals(p.currentName()))) {
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        return p.getText();
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Masks every run of {@value #MIN_FRAGMENT} or more characters of the key, and credential-like runs; caps the length. */
    public static String scrub(String message, String key) {
        String text = KeyFragments.mask(message, key, MIN_FRAGMENT, "[redacted]");
        text = CREDENTIAL.matcher(text).replaceAll("[redacted]");
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
