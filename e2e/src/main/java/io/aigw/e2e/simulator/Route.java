package io.aigw.e2e.simulator;

import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import java.util.List;

/**
 * One provider path: who answers it, in which dialect.
 *
 * @param requiredFields fields the JSON body must have; null for a route without a body ({@code GET})
 */
record Route(ProviderDialect dialect, Endpoint endpoint, List<String> requiredFields) {

    static Route get(ProviderDialect dialect, Endpoint endpoint) {
        return new Route(dialect, endpoint, null);
    }

    static Route post(ProviderDialect dialect, Endpoint endpoint, String... requiredFields) {
        return new Route(dialect, endpoint, List.of(requiredFields));
    }

    boolean hasJsonBody() {
        return requiredFields != null;
    }
}
