package io.aigw.config.firewall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.config.outbox.ConfigChannels;
import io.aigw.kit.json.StrictJson;
import io.aigw.kit.outbox.OutboxWriter;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Firewall policy use cases: every write is validated, stored and put in the outbox in one transaction. */
@ApplicationScoped
public class FirewallPolicyService {

    private final FirewallPolicyRepository repository;
    private final OutboxWriter outbox;
    private final ObjectMapper json;
    private final ObjectMapper lenient;

    public FirewallPolicyService(FirewallPolicyRepository repository, OutboxWriter outbox, ObjectMapper json) {
        this.repository = repository;
        this.outbox = outbox;
        this.json = json;
        this.lenient = StrictJson.lenient(json);
    }

    @WithTransaction
    public Uni<FirewallPolicyResponse> create(JsonNode body) {
        return Uni.createFrom().item(() -> FirewallPolicyParser.parse(body))
                .call(spec -> nameFree(spec.name(), null)).flatMap(spec -> {
            FirewallPolicy entity = new FirewallPolicy();
            entity.id = FirewallPolicyIds.newId();
            entity.version = 1;
            entity.createdAt = now();
            entity.updatedAt = entity.createdAt;
            entity.name = spec.name();
            entity.document = write(spec);
            FirewallPolicyResponse response = FirewallPolicyResponse.of(entity, spec);
            FirewallPolicyChanged event = FirewallPolicyChanged.of("created", response, entity.updatedAt);
            return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                    .flatMap(appended -> repository.persistAndFlush(entity)).replaceWith(response);
        });
    }

    @WithSession
    public Uni<FirewallPolicyResponse> get(String id) {
        return find(id, LockModeType.NONE).map(this::response);
    }

    @WithSession
    public Uni<Page<FirewallPolicyResponse>> list(String cursor, int limit) {
        return Uni.createFrom().item(() -> Paging.decode(cursor))
                .flatMap(after -> repository.page(after, limit + 1)).map(rows -> {
                    List<FirewallPolicy> page = rows.size() > limit ? rows.subList(0, limit) : rows;
                    String next = rows.size() > limit ? Paging.encode(page.get(page.size() - 1).name) : null;
                    return new Page<>(page.stream().map(this::response).toList(), next);
                });
    }

    /** Absent fields keep their value, null clears them, {@code rules} given is replaced whole. */
    @WithTransaction
    public Uni<FirewallPolicyResponse> patch(String id, JsonNode patch, long[] expectedVersion) {
        if (patch == null || !patch.isObject()) {
            return Uni.createFrom().failure(ProblemException.validation(FieldError.at("", "must be a JSON object")));
        }
        return find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            ETags.check(expectedVersion, entity.version, "Firewall policy " + id);
            ObjectNode merged = json.valueToTree(spec(entity));
            patch.fields().forEachRemaining(field -> {
                if (!FirewallPolicyParser.READ_ONLY.contains(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            FirewallPolicySpec spec = FirewallPolicyParser.parse(merged);
            return nameFree(spec.name(), id).flatMap(ignored -> {
                entity.version = entity.version + 1;
                entity.updatedAt = now();
                entity.name = spec.name();
                entity.document = write(spec);
                FirewallPolicyResponse response = FirewallPolicyResponse.of(entity, spec);
                FirewallPolicyChanged event = FirewallPolicyChanged.of("updated", response, entity.updatedAt);
                return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                        .flatMap(appended -> repository.flush()).replaceWith(response);
            });
        });
    }

    /** Refused (409) while a configuration or the gateway settings (baseline) name the policy. */
    @WithTransaction
    public Uni<Void> delete(String id, long[] expectedVersion) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            ETags.check(expectedVersion, entity.version, "Firewall policy " + id);
            return repository.configurationsUsing(id).flatMap(configurations -> {
                if (!configurations.isEmpty()) {
                    throw ProblemException.stillReferenced("Firewall policy " + id + " is used by configuration(s) "
                            + String.join(", ", configurations) + "; remove it from their firewall.policies first.");
                }
                return repository.isBaseline(id);
            }).flatMap(baseline -> {
                if (baseline) {
                    throw ProblemException.stillReferenced("Firewall policy " + id
                            + " is the gateway settings' baseline (firewallPolicyId); set another one or null first.");
                }
                FirewallPolicyChanged event = FirewallPolicyChanged.deleted(id, entity.version + 1, now());
                return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                        .flatMap(appended -> repository.delete(entity)).flatMap(deleted -> repository.flush());
            });
        });
    }

    /** Every policy, by name (the gateway's snapshot). */
    public Uni<List<FirewallPolicyResponse>> all() {
        return repository.listByName().map(list -> list.stream().map(this::response).toList());
    }

    private Uni<Void> nameFree(String name, String self) {
        return repository.find("name", name).firstResult().invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ProblemException.conflict("The name is already taken.",
                        FieldError.at("/name", "another firewall policy already uses this name"));
            }
        }).replaceWithVoid();
    }

    private Uni<FirewallPolicy> find(String id, LockModeType lock) {
        return repository.findById(id, lock).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No firewall policy with id " + id + "."));
    }

    FirewallPolicyResponse response(FirewallPolicy entity) {
        return FirewallPolicyResponse.of(entity, spec(entity));
    }

    private FirewallPolicySpec spec(FirewallPolicy entity) {
        try {
            return lenient.readValue(entity.document, FirewallPolicySpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored firewall policy " + entity.id + " is not readable", e);
        }
    }

    private String write(FirewallPolicySpec spec) {
        try {
            return lenient.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("firewall policy not serialisable", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
