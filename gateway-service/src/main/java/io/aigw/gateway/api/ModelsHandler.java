package io.aigw.gateway.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.AccessScope;
import io.aigw.gateway.routing.CatalogModel;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.RoutePolicy;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.VirtualModel;
import io.aigw.gateway.routing.VirtualModelResolver;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * `GET /v1/models`: the catalog filtered by the key's access scope, in OpenAI's list shape (with extra
 * catalog fields), then the virtual models the scope reaches (`virtual: true` with their allowed targets), or Anthropic's when the request carries `anthropic-version`. Rendered once per
 * snapshot and configuration.
 */
@Singleton
public class ModelsHandler {

    private static final JsonFactory JSON = new JsonFactory();
    private final Map<String, Buffer> rendered = new ConcurrentHashMap<>();
    private volatile String renderedFor = "";

    public void handle(HttpServerRequest request, RoutingSnapshot snapshot, AccessKeyRecord key, ErrorFormat format) {
        RoutePolicy policy = snapshot.policy(key.configurationId());
        if (policy == null) {
            ErrorResponder.send(request, format, new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                    "This access key's configuration is not available; nothing may be called with it."));
            return;
        }
        if (!snapshot.version().equals(renderedFor)) {
            rendered.clear();
            renderedFor = snapshot.version();
        }
        // keyed by the snapshot's version too: a render of an older snapshot, finished after the swap, is never served
        Buffer body = rendered.computeIfAbsent(snapshot.version() + "|" + format + "|" + policy.id(),
                k -> render(allowed(snapshot, policy.access()), virtual(snapshot, policy.access()), format));
        request.response().putHeader("content-type", "application/json").end(body);
    }

    private static List<CatalogModel> allowed(RoutingSnapshot snapshot, AccessScope scope) {
        List<CatalogModel> models = new ArrayList<>();
        for (CatalogModel m : snapshot.models()) {
            if (scope.allowsProvider(m.providerId()) && scope.allowsModel(m.address())) {
                models.add(m);
            }
        }
        return models;
    }

    /** Virtual models the scope allows by name and with at least one allowed target → those targets. */
    private static Map<VirtualModel, List<ModelAddress>> virtual(RoutingSnapshot snapshot, AccessScope scope) {
        Map<VirtualModel, List<ModelAddress>> allowed = new LinkedHashMap<>();
        for (VirtualModel v : snapshot.virtualModels()) {
            List<ModelAddress> targets = VirtualModelResolver.allowedTargets(v, snapshot, scope);
            if (!targets.isEmpty()) {
                allowed.put(v, targets);
            }
        }
        return allowed;
    }

    private static Buffer render(List<CatalogModel> models, Map<VirtualModel, List<ModelAddress>> virtual,
            ErrorFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + models.size() * 256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (format == ErrorFormat.ANTHROPIC) {
                g.writeArrayFieldStart("data");
                for (CatalogModel m : models) {
                    g.writeStartObject();
                    g.writeStringField("type", "model");
                    g.writeStringField("id", m.address());
                    g.writeStringField("display_name", m.displayName() == null ? m.modelId() : m.displayName());
                    g.writeStringField("created_at", Instant.ofEpochSecond(m.createdEpochSecond()).toString());
                    g.writeEndObject();
                }
                for (VirtualModel v : virtual.keySet()) {
                    g.writeStartObject();
                    g.writeStringField("type", "model");
                    g.writeStringField("id", v.name());
                    g.writeStringField("display_name", v.name());
                    g.writeStringField("created_at", Instant.ofEpochSecond(v.createdEpochSecond()).toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanField("has_more", false);
                g.writeStringField("first_id", models.isEmpty() ? null : models.get(0).address());
                g.writeStringField("last_id", models.isEmpty() ? null : models.get(models.size() - 1).address());
            } else {
                g.writeStringField("object", "list");
                g.writeArrayFieldStart("data");
                for (CatalogModel m : models) {
                    writeOpenAi(g, m);
                }
                for (Map.Entry<VirtualModel, List<ModelAddress>> v : virtual.entrySet()) {
                    writeVirtual(g, v.getKey(), v.getValue());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** A virtual model: `owned_by` "aigw", `virtual` true, and the targets this key may reach, in order. */
    private static void writeVirtual(JsonGenerator g, VirtualModel v, List<ModelAddress> targets) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", v.name());
        g.writeStringField("object", "model");
        g.writeNumberField("created", v.createdEpochSecond());
        g.writeStringField("owned_by", "aigw");
        g.writeStringField("display_name", v.description() == null ? v.name() : v.description());
        g.writeBooleanField("virtual", true);
        g.writeArrayFieldStart("targets");
        for (ModelAddress target : targets) {
            g.writeString(target.canonical());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeOpenAi(JsonGenerator g, CatalogModel m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.address());
        g.writeStringField("object", "model");
        g.writeNumberField("created", m.createdEpochSecond());
        g.writeStringField("owned_by", m.providerId());
        g.writeStringField("display_name", m.displayName());
        if (m.contextLength() != null) {
            g.writeNumberField("context_length", m.contextLength());
        }
        if (m.maxOutputTokens() != null) {
            g.writeNumberField("max_output_tokens", m.maxOutputTokens());
        }
        g.writeArrayFieldStart("surfaces");
        for (var s : m.surfaces()) {
            g.writeString(s.id());
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
