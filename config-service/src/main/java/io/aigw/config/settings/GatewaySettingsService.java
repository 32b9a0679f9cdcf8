package io.aigw.config.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.json.StrictJson;
import io.aigw.kit.problem.ProblemException;
import io.aigw.config.firewall.FirewallReferences;
import io.aigw.config.outbox.ConfigChannels;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads and changes the gateway settings; every change goes to the outbox in the same transaction. */
@ApplicationScoped
public class GatewaySettingsService {

    private final GatewaySettingsRepository repository;
    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final FirewallReferences firewall;

    public GatewaySettingsService(GatewaySettingsRepository repository, OutboxWriter outbox, ObjectMapper mapper,
            FirewallReferences firewall) {
        this.firewall = firewall;
        this.repository = repository;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<GatewaySettingsResponse> get() {
        return load(LockModeType.NONE).map(this::response);
    }

    /** {@code replace}: absent fields take their defaults (PUT); otherwise they keep their value (PATCH). */
    @WithTransaction
    public Uni<GatewaySettingsResponse> update(JsonNode body, boolean replace, long[] expectedVersion) {
        return load(LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            ETags.check(expectedVersion, entity.version, "The gateway settings");
            GatewaySettingsDocument base = replace ? GatewaySettingsDocument.DEFAULTS : document(entity);
            GatewaySettingsDocument updated = GatewaySettingsParser.apply(base, body, mapper);
            String baseline = updated.firewallPolicyId();
            return firewall.check(baseline == null ? null : java.util.List.of(baseline), "/firewallPolicyId", false)
                    .flatMap(checked -> store(entity, updated));
        });
    }

    private Uni<GatewaySettingsResponse> store(GatewaySettings entity, GatewaySettingsDocument updated) {
        entity.version = entity.version + 1;
        entity.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entity.document = write(updated);
        GatewaySettingsResponse response = GatewaySettingsResponse.of(updated, entity.version, entity.updatedAt);
        GatewaySettingsChanged event = GatewaySettingsChanged.updated(response);
        return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                .flatMap(ignored -> repository.flush())
                .replaceWith(response);
    }

    private Uni<GatewaySettings> load(LockModeType lock) {
        return repository.findById(GatewaySettings.GLOBAL, lock).onItem().ifNull()
                .failWith(() -> new IllegalStateException("gateway settings row is missing (migration V2 seeds it)"));
    }

    GatewaySettingsResponse response(GatewaySettings entity) {
        return GatewaySettingsResponse.of(document(entity), entity.version, entity.updatedAt);
    }

    private GatewaySettingsDocument document(GatewaySettings entity) {
        try {
            return StrictJson.lenient(mapper).readValue(entity.document, GatewaySettingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored gateway settings are not readable", e);
        }
    }

    private String write(GatewaySettingsDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gateway settings not serialisable", e);
        }
    }
}
