package io.aigw.config.support;

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
 * The other services' internal look-ups in tests: what a test added, else, for providers, models, provider keys and
 * virtual models, what
 * the projection holds (key-service and the catalog would know every one their events announced), else unknown (404).
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
        if (path.equals("/internal/v1/providers/")) {
            return pool.preparedQuery("select id, allow_pass_through from catalog_provider where id = $1 and not deleted")
                    .execute(Tuple.of(id))
                    .map(rows -> rows.size() == 0 ? null : new JsonObject().put("id", id)
                            .put("allowPassThroughModels", rows.iterator().next().getBoolean(1)));
        }
        if (path.equals("/internal/v1/models?address=")) {
            return pool.preparedQuery("select provider_id, model_id from catalog_model where id = $1 and not deleted")
                    .execute(Tuple.of(id))
                    .map(rows -> rows.size() == 0 ? null : new JsonObject()
                            .put("providerId", rows.iterator().next().getString(0))
                            .put("modelId", rows.iterator().next().getString(1)));
        }
        if (path.equals("/internal/v1/virtual-models/")) {
            return pool.preparedQuery("select id from catalog_virtual_model where lower(id) = lower($1) and not deleted")
                    .execute(Tuple.of(id))
                    .map(rows -> rows.size() == 0 ? null : new JsonObject().put("name", rows.iterator().next().getString(0)));
        }
        if (!path.equals("/internal/v1/provider-keys/")) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select provider_id from provider_key where id = $1 and not deleted")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null
                        : new JsonObject().put("id", id).put("providerId", rows.iterator().next().getString(0)));
    }
}
