package io.aigw.catalog.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Refuses to start without the tokens that protect the admin and internal APIs. */
@Singleton
public class StartupCheck {

    private final CatalogConfig config;

    public StartupCheck(CatalogConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.adminToken().filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalStateException("AIGW_ADMIN_TOKEN is not set: model-catalog-service refuses to start without an admin token");
        }
        if (config.serviceToken().filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalStateException("AIGW_SERVICE_TOKEN is not set: model-catalog-service refuses to start without a service token");
        }
    }
}
