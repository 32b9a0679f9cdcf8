package io.aigw.config.settings;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GatewaySettingsRepository implements PanacheRepositoryBase<GatewaySettings, String> {
}
