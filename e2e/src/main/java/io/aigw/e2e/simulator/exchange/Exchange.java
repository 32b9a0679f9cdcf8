package io.aigw.e2e.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.behavior.Behavior;
import io.aigw.e2e.simulator.behavior.BehaviorParser;
import io.aigw.e2e.simulator.behavior.ScriptedModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One request in flight: its parsed body, echoed model and scripted behaviour, and its {@link Responder}. */
public final class Exchange {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpServerRequest request;
    private final ProviderDialect dialect;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final long createdAt = System.currentTimeMillis() / 1000;
    private final JsonNode json;
    private final String model;
    private final Behavior behavior;
    private final String behaviorError;
    private final Responder responder;

    public Exchange(Vertx vertx, HttpServerRequest request, String body, boolean jsonBody, ProviderDialect dialect,
                    AtomicInteger openStreams) {
        this.request = request;
        this.dialect = dialect;
        this.json = jsonBody ? parse(body) : null;
        ScriptedModel scripted = ScriptedModel.of(dialect.requestedModel(request, json));
        this.model = scripted.model();
        Behavior parsed;
        String error = null;
        try {
            parsed = BehaviorParser.parse(request.getHeader("x-sim-behavior"), scripted.script());
        } catch (IllegalArgumentException e) {
            parsed = Behavior.NONE;
            error = e.getMessage();
        }
        this.behavior = parsed;
        this.behaviorError = error;
        this.responder = new Responder(vertx, request, dialect, behavior, sequence, openStreams);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The request body as a JSON object; null when it was not one (or the route has no body). */
    public JsonNode json() {
        return json;
    }

    /** The model to echo: the requested id without its {@code @script} suffix. */
    public String model() {
        return model;
    }

    public Behavior behavior() {
        return behavior;
    }

    /** Why the behaviour script could not be parsed, or null. */
    public String behaviorError() {
        return behaviorError;
    }

    public long sequence() {
        return sequence;
    }

    /** Unix seconds when the request arrived, for {@code created} fields. */
    public long createdAt() {
        return createdAt;
    }

    public ProviderDialect dialect() {
        return dialect;
    }

    public HttpServerRequest request() {
        return request;
    }

    public String apiKey() {
        return dialect.apiKey(request);
    }

    public boolean streamRequested() {
        return json != null && dialect.streamRequested(request, json) && !behavior.jsonToStream();
    }

    /** The way to answer this request. */
    public Responder responder() {
        return responder;
    }
}
