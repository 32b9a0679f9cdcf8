package io.aigw.catalog.support;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.testing.FakeOwners;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The other services' internal look-ups in tests (key-service and config-service are not running): what a test added,
 * else nothing, so their referrers of a provider or virtual model are none unless a test says otherwise.
 */
@Alternative
@Priority(1)
@Singleton
public class TestOwners extends FakeOwners {

    public TestOwners(Vertx vertx, ServiceTokens tokens, KitConfig config) {
        super(vertx, tokens, config);
    }
}
