package io.aigw.console.proxy;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The console's own answers, in the admin services' problem+json format (type, title, status, detail, instance). */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "https://aigw.dev/problems/";

    private Problems() {
    }

    /** The 401 every owning service gives (the kit's TokenFilter), so a caller sees one answer wherever it asks. */
    static void unauthorized(HttpServerResponse response, String instance) {
        response.putHeader("WWW-Authenticate", "Bearer");
        send(response, 401, "unauthorized", "Unauthorized",
                "This endpoint needs a valid admin token in the Authorization header (Bearer).", instance);
    }

    static void notFound(HttpServerResponse response, String instance) {
        send(response, 404, "not-found", "Not Found", "No admin resource at this path.", instance);
    }

    static void badGateway(HttpServerResponse response, String owner, String instance) {
        send(response, 502, "upstream-unavailable", "Bad Gateway",
                "The " + owner + " service did not answer.", instance);
    }

    static void gatewayTimeout(HttpServerResponse response, String owner, String instance) {
        send(response, 504, "upstream-timeout", "Gateway Timeout",
                "The " + owner + " service did not answer in time.", instance);
    }

    static void send(HttpServerResponse response, int status, String slug, String title, String detail,
            String instance) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject problem = new JsonObject().put("type", TYPE_PREFIX + slug).put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(problem.encode());
    }
}
