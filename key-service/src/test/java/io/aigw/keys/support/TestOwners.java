package io.aigw.keys.support;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.testing.FakeOwners;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;

/** The other services' internal look-ups in tests: unknown (404) unless a test adds the id. */
@Alternative
@Priority(1)
@Singleton
public class TestOwners extends FakeOwners {

    public TestOwners(Vertx vertx, ServiceTokens tokens, KitConfig config) {
        super(vertx, tokens, config);
    }
}
