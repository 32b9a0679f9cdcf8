package io.aigw.gateway.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders error bodies in OpenAI's or Anthropic's envelope, and the matching SSE error events. */
public final class ErrorEnvelopes {

    private static final JsonFactory JSON = new JsonFactory();

    private ErrorEnvelopes() {
    }

    public static Buffer body(ErrorFormat format, GatewayException error) {
        return Buffer.buffer(json(format, error));
    }

    /** An SSE event that ends a stream that already started (SPEC §1.4, last row). */
    public static Buffer streamEvent(ErrorFormat format, GatewayException error) {
        byte[] json = json(format, error);
        Buffer event = Buffer.buffer(json.length + 32);
        if (format == ErrorFormat.ANTHROPIC) {
            event.appendString("event: error\n");
        }
        return event.appendString("data: ").appendBytes(json).appendString("\n\n");
    }

    /** OpenAI's `type` for a status. */
    public static String openAiType(int status) {
        return switch (status) {
            case 400, 413, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** Anthropic's `error.type` for a status. */
    public static String anthropicType(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** Google's `error.status` for a status (google.rpc.Code names). */
    public static String googleStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 402, 429 -> "RESOURCE_EXHAUSTED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 408, 504 -> "DEADLINE_EXCEEDED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    private static byte[] json(ErrorFormat format, GatewayException error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (format == ErrorFormat.GOOGLE) {
                g.writeObjectFieldStart("error");
                g.writeNumberField("code", error.status());
                g.writeStringField("message", error.getMessage());
                g.writeStringField("status", googleStatus(error.status()));
            } else if (format == ErrorFormat.ANTHROPIC) {
                g.writeStringField("type", "error");
                g.writeObjectFieldStart("error");
                g.writeStringField("type", anthropicType(error.status()));
                g.writeStringField("message", error.getMessage());
            } else {
                g.writeObjectFieldStart("error");
                g.writeStringField("message", error.getMessage());
                g.writeStringField("type", openAiType(error.status()));
                g.writeStringField("param", error.param());
                g.writeStringField("code", error.code().code());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
