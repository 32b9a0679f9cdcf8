package io.aigw.kit.testing;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.projection.OwnerLookup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other services' internal look-ups, answered from memory: 404 unless a test {@link #add}s the id, 503 while
 * {@link #down} is set. A service's tests subclass it as an {@code @Alternative} bean.
 */
public class FakeOwners extends OwnerLookup {

    private static final Map<String, JsonObject> KNOWN = new ConcurrentHashMap<>();
    private static final java.util.Set<String> BUSY = ConcurrentHashMap.newKeySet();
    private static volatile boolean down;

    public FakeOwners(Vertx vertx, ServiceTokens tokens, KitConfig config) {
        super(vertx, tokens, config);
    }

    /** Makes {@code /internal/v1/<kind>/<id>} exist at its owner (kind: providers, configurations, provider-keys). */
    public static void add(String kind, String id, JsonObject body) {
        KNOWN.put("/internal/v1/" + kind + "/" + id, body);
    }

    /** Makes the look-up of {@code path} (as the owner's URL path and query, id included) answer {@code body}. */
    public static void addPath(String path, JsonObject body) {
        KNOWN.put(path, body);
    }

    /**
     * Makes the look-up of {@code /internal/v1/<kind>/<id>} with {@code ?lock=share} answer 409, as the owner does
     * while a delete of it is in progress ({@code busy = false} ends that).
     */
    public static void busy(String kind, String id, boolean busy) {
        busyPath("/internal/v1/" + kind + "/" + id, busy);
    }

    /**
     * The same for a look-up addressed by its URL path and query, id included
     * ({@code /internal/v1/models?address=p:m}): with {@code lock=share} it answers 409.
     */
    public static void busyPath(String path, boolean busy) {
        if (busy) {
            BUSY.add(path);
        } else {
            BUSY.remove(path);
        }
    }

    public static void down(boolean unreachable) {
        down = unreachable;
    }

    @Override
    protected Uni<JsonObject> find(String baseUrl, String path, String id, String query, String owner) {
        if (down) {
            return Uni.createFrom().failure(ProblemException.unavailable(owner + " cannot be reached to check a reference; retry."));
        }
        if (query.endsWith("lock=share") && BUSY.contains(path + id)) {
            return Uni.createFrom().failure(ProblemException.conflict(owner + " is changing or deleting " + id
                    + " right now; retry."));
        }
        io.vertx.core.Context caller = Vertx.currentContext();
        Uni<JsonObject> answer = Uni.createFrom().item(KNOWN.get(path + id)).onItem().ifNull()
                .switchTo(() -> unknown(path, id));
        return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    /** What to answer for an id no test added: nothing (404). A service's tests may look in their projection. */
    protected Uni<JsonObject> unknown(String path, String id) {
        return Uni.createFrom().nullItem();
    }
}
