package io.aigw.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the internal APIs of model-catalog-service, config-service and key-service (contracts.md) from
 * documents held in memory, so the gateway loads its snapshot and keys over HTTP exactly as in production.
 */
public final class ControlPlaneStub implements AutoCloseable {

    public static final String SERVICE_TOKEN = "test-service-token";
    /** As key-service: decrypted provider keys only for the gateway's own token, 403 for the service token. */
    public static final String GATEWAY_TOKEN = "test-gateway-token-0123456789";
    public static final String PEPPER = "7FIGhyTgoi16R0i3kQ/XgNmvHb/Go3WJJbVAsWsQTqU=";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> accessKeys = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> keyValues = new ConcurrentHashMap<>();
    private final AtomicInteger accessKeyLookups = new AtomicInteger();
    /** The usage ledger's spend by `<scope>:<id>` (any period), as key-service's spend query answers it. */
    private final Map<String, java.math.BigDecimal> ledgerSpend = new ConcurrentHashMap<>();
    private final AtomicInteger ledgerQueries = new AtomicInteger();
    private volatile boolean ledgerDown;
    private final HttpServer server;

    public ControlPlaneStub(ObjectNode catalog, ObjectNode config, ObjectNode providerKeys, Map<String, String> values) {
        documents.put("/internal/v1/catalog-snapshot", bytes(catalog));
        documents.put("/internal/v1/config-snapshot", bytes(config));
        documents.put("/internal/v1/provider-keys", bytes(providerKeys));
        providerKeys.withArray("providerKeys").forEach(k -> keyValues.put(k.get("id").asText(),
                MAPPER.createObjectNode().put("id", k.get("id").asText()).put("providerId", k.get("providerId").asText())
                        .put("version", k.get("version").asLong()).put("value", values.get(k.get("id").asText()))));
        this.server = await(vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Registers an access key and answers its full token `ag-<publicId>-g1-<secret>`. */
    public String addAccessKey(String publicId, String secret, String status, Instant expiresAt, String configurationId) {
        ObjectNode key = MAPPER.createObjectNode().put("id", "ak_" + publicId).put("publicId", publicId)
                .put("name", publicId).put("configurationId", configurationId).put("status", status)
                .put("expiresAt", expiresAt == null ? null : expiresAt.toString())
                .put("redacted", "ag-" + publicId + "-g1-***").put("version", 1)
                .put("createdAt", "2026-01-01T00:00:00Z").put("updatedAt", "2026-01-01T00:00:00Z")
                .put("secretHash", hmac(secret));
        accessKeys.put(publicId, key);
        return "ag-" + publicId + "-g1-" + secret;
    }

    /** Changes a stored access key's status (as a revocation in key-service would). */
    public void setAccessKeyStatus(String publicId, String status) {
        accessKeys.get(publicId).put("status", status);
    }

    /** Adds or replaces (by name) a virtual model in the catalog document and bumps its version. */
    public void putVirtualModel(ObjectNode virtualModel) {
        synchronized (documents) {
            try {
                ObjectNode catalog = (ObjectNode) MAPPER.readTree(documents.get("/internal/v1/catalog-snapshot"));
                com.fasterxml.jackson.databind.node.ArrayNode list = catalog.withArray("virtualModels");
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).path("name").asText().equals(virtualModel.path("name").asText())) {
                        list.remove(i);
                        break;
                    }
                }
                list.add(virtualModel);
                catalog.put("version", catalog.get("version").asLong() + 1);
                documents.put("/internal/v1/catalog-snapshot", bytes(catalog));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Adds a model to the catalog document and bumps its version (as a commit in catalog-service would). */
    public void addCatalogModel(ObjectNode model) {
        synchronized (documents) {
            try {
                ObjectNode catalog = (ObjectNode) MAPPER.readTree(documents.get("/internal/v1/catalog-snapshot"));
                catalog.withArray("models").add(model);
                catalog.put("version", catalog.get("version").asLong() + 1);
                documents.put("/internal/v1/catalog-snapshot", bytes(catalog));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public int accessKeyLookups() {
        return accessKeyLookups.get();
    }

    private void handle(HttpServerRequest request) {
        if (request.path().startsWith("/_stub/")) {
            admin(request);
            return;
        }
        String path = request.path();
        String authorization = request.getHeader("authorization");
        if (path.startsWith("/internal/v1/provider-keys/") && path.endsWith("/value")
                && !("Bearer " + GATEWAY_TOKEN).equals(authorization)) {
            request.response().setStatusCode(("Bearer " + SERVICE_TOKEN).equals(authorization) ? 403 : 401).end();
            return;
        }
        if (!("Bearer " + SERVICE_TOKEN).equals(authorization) && !("Bearer " + GATEWAY_TOKEN).equals(authorization)) {
            request.response().setStatusCode(401).end();
            return;
        }
        byte[] document = documents.get(path);
        if (document != null) {
            json(request, 200, document);
        } else if (path.equals("/internal/v1/usage/spend:query")) {
            ledgerQueries.incrementAndGet();
            request.body().onSuccess(body -> {
                if (ledgerDown) {
                    json(request, 503, "{}".getBytes());
                    return;
                }
                try {
                    ObjectNode answer = MAPPER.createObjectNode();
                    com.fasterxml.jackson.databind.node.ArrayNode spend = answer.putArray("spend");
                    for (com.fasterxml.jackson.databind.JsonNode q : MAPPER.readTree(body.getBytes()).path("queries")) {
                        String owner = q.path("scope").asText() + ":" + q.path("id").asText();
                        spend.addObject().put("scope", q.path("scope").asText()).put("id", q.path("id").asText())
                                .put("from", q.path("from").asText()).put("to", q.path("to").asText())
                                .put("costUsd", ledgerSpend.getOrDefault(owner, java.math.BigDecimal.ZERO));
                    }
                    json(request, 200, bytes(answer));
                } catch (java.io.IOException e) {
                    json(request, 400, "{}".getBytes());
                }
            });
        } else if (path.startsWith("/internal/v1/access-keys/")) {
            accessKeyLookups.incrementAndGet();
            ObjectNode key = accessKeys.get(path.substring("/internal/v1/access-keys/".length()));
            json(request, key == null ? 404 : 200, key == null ? "{}".getBytes() : bytes(key));
        } else if (path.startsWith("/internal/v1/provider-keys/") && path.endsWith("/value")) {
            String id = path.substring("/internal/v1/provider-keys/".length(), path.length() - "/value".length());
            ObjectNode value = keyValues.get(id);
            json(request, value == null ? 404 : 200, value == null ? "{}".getBytes() : bytes(value));
        } else {
            json(request, 404, "{}".getBytes());
        }
    }

    /** Test-only routes: how often access keys were looked up; add a key, change its status; add a catalog model. */
    private void admin(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        if (request.path().equals("/_stub/access-key-lookups")) {
            request.response().end(Integer.toString(accessKeyLookups.get()));
        } else if (request.path().equals("/_stub/catalog/models")) {
            request.body().onSuccess(body -> {
                try {
                    addCatalogModel((ObjectNode) MAPPER.readTree(body.getBytes()));
                    request.response().setStatusCode(204).end();
                } catch (java.io.IOException | ClassCastException e) {
                    request.response().setStatusCode(400).end();
                }
            });
        } else if (request.path().equals("/_stub/catalog/virtual-models")) {
            request.body().onSuccess(body -> {
                try {
                    putVirtualModel((ObjectNode) MAPPER.readTree(body.getBytes()));
                    request.response().setStatusCode(204).end();
                } catch (java.io.IOException | ClassCastException e) {
                    request.response().setStatusCode(400).end();
                }
            });
        } else if (parts.length == 6 && parts[2].equals("ledger") && parts[3].equals("spend")) {
            ledgerSpend.put(java.net.URLDecoder.decode(parts[4], java.nio.charset.StandardCharsets.UTF_8),
                    new java.math.BigDecimal(parts[5]));
            request.response().setStatusCode(204).end();
        } else if (parts.length == 5 && parts[2].equals("ledger") && parts[3].equals("down")) {
            ledgerDown = Boolean.parseBoolean(parts[4]);
            request.response().setStatusCode(204).end();
        } else if (request.path().equals("/_stub/ledger/queries")) {
            request.response().end(Integer.toString(ledgerQueries.get()));
        } else if (parts.length == 6 && parts[2].equals("access-keys") && parts[4].equals("secret")) {
            addAccessKey(parts[3], parts[5], "active", null, null);
            request.response().setStatusCode(204).end();
        } else if (parts.length == 6 && parts[2].equals("access-keys") && parts[4].equals("status")) {
            setAccessKeyStatus(parts[3], parts[5]);
            request.response().setStatusCode(204).end();
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private static void json(HttpServerRequest request, int status, byte[] body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    static String hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(PEPPER), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
