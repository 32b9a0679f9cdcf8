package io.aigw.keys.support;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.testing.FakeOwners;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The other services' internal look-ups in tests: what a test added, else, for configurations and providers, what the
 * projection holds (config-service and the catalog would know every one their events announced), else unknown (404).
 */
@Alternative
@Priority(1)
@Singleton
public class TestOwners extends FakeOwners {

    private final Pool pool;

    public TestOwners(Vertx vertx, ServiceTokens tokens, KitConfig config, Pool pool) {
        super(vertx, tokens, config);
        this.pool = pool;
    }

    @Override
    protected Uni<JsonObject> unknown(String path, String id) {
        String table = switch (path) {
            case "/internal/v1/configurations/" -> "configuration_ref";
            case "/internal/v1/providers/" -> "catalog_provider";
            default -> null;
        };
        if (table == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select id from " + table + " where id = $1 and not deleted")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : new JsonObject().put("id", id));
    }
}
