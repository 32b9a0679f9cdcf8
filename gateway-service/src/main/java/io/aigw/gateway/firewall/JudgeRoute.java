package io.aigw.gateway.firewall;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * How a judge call reaches this gateway: the address the request came in on, and the requesting access key's own
 * credential, so that the judge model is called through this gateway's routing under that key's configuration (its
 * scope, routing rules, limits and usage).
 */
public record JudgeRoute(String host, int port, String credentialHeader, String credential) {

    @Override
    public String toString() {
        return "JudgeRoute[" + host + ":" + port + ", " + credentialHeader + "=[REDACTED]]";
    }

    /** The route back to this gateway for {@code request}'s key. */
    public static JudgeRoute of(HttpServerRequest request) {
        SocketAddress local = request.localAddress();
        String host = local == null || local.hostAddress() == null ? "127.0.0.1" : local.hostAddress();
        int port = local == null ? 8080 : local.port();
        if (request.getHeader("authorization") != null) {
            return new JudgeRoute(host, port, "authorization", request.getHeader("authorization"));
        }
        String key = request.getHeader("x-api-key");
        if (key == null) {
            key = request.getHeader("x-goog-api-key");
        }
        if (key == null) {
            key = request.getParam("key");
        }
        return new JudgeRoute(host, port, "x-api-key", key == null ? "" : key);
    }
}
