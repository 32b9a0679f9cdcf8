package io.aigw.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's `vertx-min` target (issue 19): the least a JVM gateway does per call, on the same Vert.x and
 * JVM as the gateway — read the body, parse it and rewrite `model` with Jackson (`provider:model` → `model`), look
 * the access key up in a map, forward through a pooled keep-alive client with the provider key, and relay the
 * answer (a stream's events coalesced per read burst, one write each, as INFRA.md advises). No auth hashing,
 * routing, failover, limits, metrics, tracing or metering: the figure it gives is the floor under the gateway's own
 * work on this machine, measured in the same run.
 *
 * <pre>java -cp e2e.jar io.aigw.e2e.bench.MinimalProxy PORT UPSTREAM_URL ACCESS_KEY PROVIDER_KEY [EVENT_LOOPS]</pre>
 */
public final class MinimalProxy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Map<String, String> providerKeys;

    private MinimalProxy(Vertx vertx, URI upstream, Map<String, String> providerKeys) {
        this.client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(64));
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
        this.providerKeys = providerKeys;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: MinimalProxy PORT UPSTREAM_URL ACCESS_KEY PROVIDER_KEY [EVENT_LOOPS]");
            System.exit(2);
        }
        int loops = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        int port = start(vertx, Integer.parseInt(args[0]), URI.create(args[1]), Map.of("Bearer " + args[2], args[3]), loops);
        System.out.println("minimal Vert.x proxy on 127.0.0.1:" + port + " → " + args[1] + " (" + loops + " event loops)");
    }

    /** Starts one server per event loop on {@code port} (0: a random one, shared) and returns the port. */
    public static int start(Vertx vertx, int port, URI upstream, Map<String, String> providerKeys, int loops)
            throws Exception {
        int shared = port == 0 && loops > 1 ? -1 : port; // Vert.x shares a random port among servers asked for -1
        int[] bound = {0};
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                MinimalProxy proxy = new MinimalProxy(vertx, upstream, providerKeys);
                vertx.createHttpServer().requestHandler(proxy::handle).listen(shared, "127.0.0.1")
                        .onSuccess(server -> bound[0] = server.actualPort()).<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return bound[0];
    }

    private void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.method() != HttpMethod.POST || !"/v1/chat/completions".equals(request.path())) {
            response.setStatusCode(404).end();
            return;
        }
        String providerKey = providerKeys.get(request.getHeader("authorization"));
        if (providerKey == null) {
            response.setStatusCode(401).putHeader("content-type", "application/json")
                    .end("{\"error\":{\"message\":\"Unknown key.\",\"type\":\"invalid_request_error\"}}");
            return;
        }
        request.body().onSuccess(body -> forward(request, providerKey, body));
    }

    private void forward(HttpServerRequest request, String providerKey, Buffer body) {
        Buffer payload;
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(body.getBytes());
            String model = json.path("model").asText();
            json.put("model", model.substring(model.indexOf(':') + 1));
            payload = Buffer.buffer(JSON.writeValueAsBytes(json));
        } catch (IOException | ClassCastException e) {
            request.response().setStatusCode(400).end();
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(upstreamHost)
                .setPort(upstreamPort).setURI(request.uri()).putHeader("authorization", "Bearer " + providerKey)
                .putHeader("content-type", "application/json");
        client.request(options).compose(upstream -> upstream.send(payload))
                .onSuccess(upstream -> relay(request.response(), upstream))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    /** Everything that arrived in one read burst goes out in one write (scheduled after the burst). */
    private static void relay(HttpServerResponse response, HttpClientResponse upstream) {
        response.setStatusCode(upstream.statusCode());
        String type = upstream.getHeader("content-type");
        if (type != null) {
            response.putHeader("content-type", type);
        }
        String length = upstream.getHeader("content-length");
        if (length != null) {
            response.putHeader("content-length", length);
        } else {
            response.setChunked(true);
        }
        Context context = Vertx.currentContext();
        Buffer[] pending = {null};
        upstream.handler(chunk -> {
            if (pending[0] == null) {
                pending[0] = Buffer.buffer(chunk.length() * 2);
                context.runOnContext(v -> {
                    Buffer out = pending[0];
                    pending[0] = null;
                    if (out != null) {
                        response.write(out);
                    }
                });
            }
            pending[0].appendBuffer(chunk);
        });
        upstream.endHandler(v -> {
            Buffer out = pending[0];
            pending[0] = null;
            if (out != null) {
                response.end(out);
            } else {
                response.end();
            }
        });
    }
}
