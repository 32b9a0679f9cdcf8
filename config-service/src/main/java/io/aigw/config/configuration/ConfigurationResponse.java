package io.aigw.config.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.config.configuration.ConfigurationSpec.AccessScope;
import io.aigw.config.configuration.ConfigurationSpec.RouterSpec;
import java.time.Instant;

/**
 * A configuration as the admin API, the events and the snapshot show it. {@code accessKeyCount}
 * is only on admin answers (it changes without the configuration changing).
 */
public record ConfigurationResponse(String id, String name, String description, JsonNode metadata,
        AccessScope access, RouterSpec router, Limits limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConfigurationSpec.FirewallRef firewall,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long accessKeyCount,
        long version, Instant createdAt, Instant updatedAt) {

    public ConfigurationResponse withAccessKeyCount(long count) {
        return new ConfigurationResponse(id, name, description, metadata, access, router, limits, firewall, count,
                version, createdAt, updatedAt);
    }
}
