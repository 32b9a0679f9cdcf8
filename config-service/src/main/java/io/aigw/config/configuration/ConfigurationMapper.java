package io.aigw.config.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;

/** Between the stored entity, its JSON document and the API record. */
@ApplicationScoped
public class ConfigurationMapper {

    private final ObjectMapper mapper;

    /** Stored documents were checked when written: read them with the lenient copy (durations as numbers, …). */
    public ConfigurationMapper(ObjectMapper mapper) {
        this.mapper = StrictJson.lenient(mapper);
    }

    public ConfigurationSpec spec(Configuration entity) {
        try {
            return mapper.readValue(entity.document, ConfigurationSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored configuration " + entity.id + " is not readable", e);
        }
    }

    public String document(ConfigurationSpec spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration not serialisable", e);
        }
    }

    public ConfigurationResponse response(Configuration entity) {
        return response(entity, spec(entity));
    }

    public ConfigurationResponse response(Configuration entity, ConfigurationSpec spec) {
        return new ConfigurationResponse(entity.id, spec.name(), spec.description(), spec.metadata(),
                spec.access(), spec.router(), spec.limits(), spec.firewall(), null, entity.version, entity.createdAt, entity.updatedAt);
    }
}
