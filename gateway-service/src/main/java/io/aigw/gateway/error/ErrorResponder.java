package io.aigw.gateway.error;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/** Writes an error envelope as the whole response, unless the response has already started. */
public final class ErrorResponder {

    public static final String ERROR_CODE_HEADER = "X-AIGW-Error-Code";
    private static final long DRAIN_GRACE_MS = 1000;

    private ErrorResponder() {
    }

    public static void send(HttpServerRequest request, ErrorFormat format, GatewayException error) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(error.status());
        response.headers().set("content-type", "application/json").set(ERROR_CODE_HEADER, error.code().code());
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        if (!request.isEnded()) {
            // The body was not read (refused early, or too slow): drop the rest, do not keep the connection for
            // reuse, and close it once the rest arrived or after a grace period that lets the answer reach the
            // client (closing with unread input at once would reset the connection under it).
            response.headers().set("connection", "close");
            request.handler(null);
            request.exceptionHandler(null);
            if (request.version() != HttpVersion.HTTP_2) {
                request.endHandler(end -> request.connection().close());
                Context context = Vertx.currentContext();
                if (context != null) {
                    context.owner().setTimer(DRAIN_GRACE_MS, id -> request.connection().close());
                }
            }
            request.resume();
        }
        response.end(ErrorEnvelopes.body(format, error));
    }

    /** Turns any failure into the client's error; unexpected ones become a generic 500 (nothing leaked). */
    public static GatewayException asGatewayError(Throwable failure) {
        if (failure instanceof GatewayException e) {
            return e;
        }
        return new GatewayException(ErrorCode.INTERNAL, "The gateway failed to handle the request.");
    }
}
