package io.aigw.config.snapshot;

import io.aigw.config.configuration.ConfigurationMapper;
import io.aigw.config.configuration.ConfigurationRepository;
import io.aigw.config.firewall.FirewallPolicyService;
import io.aigw.kit.outbox.OutboxWriter;
import io.aigw.config.settings.GatewaySettingsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads all configurations, the settings and the outbox position in one repeatable-read transaction. */
@ApplicationScoped
public class ConfigSnapshotService {

    private final ConfigurationRepository configurations;
    private final ConfigurationMapper mapper;
    private final GatewaySettingsService settings;
    private final OutboxWriter outbox;
    private final FirewallPolicyService firewall;

    public ConfigSnapshotService(ConfigurationRepository configurations, ConfigurationMapper mapper,
            GatewaySettingsService settings, OutboxWriter outbox, FirewallPolicyService firewall) {
        this.firewall = firewall;
        this.configurations = configurations;
        this.mapper = mapper;
        this.settings = settings;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ConfigSnapshot> snapshot() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("set transaction isolation level repeatable read").executeUpdate())
                .flatMap(ignored -> outbox.lastSeq())
                .flatMap(version -> configurations.listByName()
                        .map(list -> list.stream().map(mapper::response).toList())
                        .flatMap(list -> settings.get()
                                .flatMap(current -> firewall.all().map(policies ->
                                        new ConfigSnapshot(version, Instant.now(), list, current, policies)))));
    }
}
