package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.config.firewall.FirewallReferences;
import io.aigw.config.outbox.ConfigChannels;
import io.aigw.kit.outbox.OutboxWriter;
import io.aigw.config.projection.AccessKeyRefRepository;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Configuration use cases: every write is validated, stored and put in the outbox in one transaction. */
@ApplicationScoped
public class ConfigurationService {

    private final ConfigurationRepository repository;
    private final CatalogViewLoader catalog;
    private final ConfigurationMapper mapper;
    private final OutboxWriter outbox;
    private final AccessKeyRefRepository accessKeys;
    private final ObjectMapper json;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;
    private final FirewallReferences firewall;

    public ConfigurationService(ConfigurationRepository repository, CatalogViewLoader catalog,
            ConfigurationMapper mapper, OutboxWriter outbox, AccessKeyRefRepository accessKeys, ObjectMapper json,
            OwnerLookup owners, FirewallReferences firewall, ReferenceGuards guards) {
        this.guards = guards;
        this.firewall = firewall;
        this.repository = repository;
        this.catalog = catalog;
        this.mapper = mapper;
        this.outbox = outbox;
        this.accessKeys = accessKeys;
        this.json = json;
        this.owners = owners;
    }

    /** Dry run: the configuration as it would be stored (canonical model entries), or a 400 problem. */
    @WithSession
    public Uni<ConfigurationSpec> validate(JsonNode body) {
        return checked(body);
    }

    @WithTransaction
    public Uni<ConfigurationResponse> create(JsonNode body) {
        return checked(body).call(spec -> nameFree(spec.name(), null)).flatMap(spec -> {
            Configuration entity = new Configuration();
            entity.id = ConfigurationIds.newId();
            entity.version = 1;
            entity.createdAt = now();
            entity.updatedAt = entity.createdAt;
            entity.name = spec.name();
            entity.document = mapper.document(spec);
            ConfigurationResponse response = mapper.response(entity, spec);
            ConfigurationChanged event = ConfigurationChanged.of("created", response, entity.updatedAt);
            return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                    .flatMap(ignored -> repository.persistAndFlush(entity))
                    .replaceWith(response.withAccessKeyCount(0));
        });
    }

    /** The configuration for another service's write that references it: read {@code for share nowait}. */
    @WithTransaction
    public Uni<ConfigurationResponse> getForReference(String id) {
        return guards.shareNowait("configuration", "id = :id", id).chain(() -> get(id));
    }

    @WithSession
    public Uni<ConfigurationResponse> get(String id) {
        return find(id, LockModeType.NONE).flatMap(entity -> accessKeys.countByConfiguration(List.of(id))
                .map(counts -> mapper.response(entity).withAccessKeyCount(counts.getOrDefault(id, 0L))));
    }

    @WithSession
    public Uni<Page<ConfigurationResponse>> list(String name, String cursor, int limit) {
        return Uni.createFrom().item(() -> Paging.decode(cursor))
                .flatMap(after -> repository.page(name, after, limit + 1)).flatMap(rows -> {
            List<Configuration> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String next = rows.size() > limit ? Paging.encode(page.get(page.size() - 1).name) : null;
            return accessKeys.countByConfiguration(page.stream().map(c -> c.id).toList())
                    .map(counts -> new Page<>(page.stream().map(c -> mapper.response(c)
                            .withAccessKeyCount(counts.getOrDefault(c.id, 0L))).toList(), next));
        });
    }

    /** Absent fields keep their value, null clears them, objects given are replaced whole. */
    @WithTransaction
    public Uni<ConfigurationResponse> patch(String id, JsonNode patch, long[] expectedVersion) {
        if (patch == null || !patch.isObject()) {
            return Uni.createFrom().failure(ProblemException.validation(FieldError.at("", "must be a JSON object")));
        }
        return find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            checkVersion(entity, expectedVersion);
            ObjectNode merged = json.valueToTree(mapper.spec(entity));
            for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!ConfigurationParser.READ_ONLY.contains(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
            return checked(merged).call(spec -> nameFree(spec.name(), id)).flatMap(spec -> {
                entity.version = entity.version + 1;
                entity.updatedAt = now();
                entity.name = spec.name();
                entity.document = mapper.document(spec);
                ConfigurationResponse response = mapper.response(entity, spec);
                ConfigurationChanged event = ConfigurationChanged.of("updated", response, entity.updatedAt);
                return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                        .flatMap(ignored -> repository.flush())
                        .flatMap(ignored -> accessKeys.countByConfiguration(List.of(id)))
                        .map(counts -> response.withAccessKeyCount(counts.getOrDefault(id, 0L)));
            });
        });
    }

    /** Refused (409) while access keys use the configuration. */
    @WithTransaction
    public Uni<Void> delete(String id, long[] expectedVersion) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            checkVersion(entity, expectedVersion);
            return accessKeys.countByConfiguration(List.of(id)).flatMap(counts -> {
                long users = counts.getOrDefault(id, 0L);
                if (users > 0) {
                    throw ProblemException.stillReferenced("Configuration " + id + " is used by " + users
                            + " access key(s); assign them another configuration first.");
                }
                return owners.accessKeysUsingConfiguration(id);
            }).flatMap(keys -> {
                // key-service's own answer, taken while this row is locked: it includes bindings not yet projected
                if (!keys.isEmpty()) {
                    throw ProblemException.stillReferenced("Configuration " + id + " is used by access key(s) "
                            + String.join(", ", keys) + "; assign them another configuration first.");
                }
                ConfigurationChanged event = ConfigurationChanged.deleted(id, entity.version + 1, now());
                return outbox.append(ConfigChannels.CONFIG_CHANGES, event.key(), event.eventId(), event)
                        .flatMap(ignored -> repository.delete(entity))
                        .flatMap(ignored -> repository.flush());
            });
        });
    }

    private Uni<ConfigurationSpec> checked(JsonNode body) {
        return Uni.createFrom().item(() -> ConfigurationParser.parse(body))
                .flatMap(parsed -> catalog.load(parsed).flatMap(view -> {
                    ConfigurationSpec spec = ReferenceChecker.check(parsed, view);
                    return catalog.confirm(spec, view).replaceWith(spec);
                }))
                .call(spec -> firewall.check(spec.firewall() == null ? null : spec.firewall().policies(),
                        "/firewall/policies", true));
    }

    /** 409 naming {@code /name} when another configuration has the name (a race ends in the unique index: 409 too). */
    private Uni<Void> nameFree(String name, String self) {
        return repository.find("name", name).firstResult().invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ProblemException.conflict("The name is already taken.",
                        FieldError.at("/name", "another configuration already uses this name"));
            }
        }).replaceWithVoid();
    }

    private Uni<Configuration> find(String id, LockModeType lock) {
        return repository.findById(id, lock).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No configuration with id " + id + "."));
    }

    private static void checkVersion(Configuration entity, long[] expected) {
        ETags.check(expected, entity.version, "Configuration " + entity.id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
