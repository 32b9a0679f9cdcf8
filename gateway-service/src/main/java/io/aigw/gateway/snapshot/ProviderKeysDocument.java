package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** key-service's `GET /internal/v1/provider-keys`: metadata only, never a value. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderKeysDocument(long version, List<ProviderKeyDoc> providerKeys) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderKeyDoc(String id, String providerId, String name, String status, long version,
            String createdAt) {
    }
}
