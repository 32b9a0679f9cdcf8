package io.aigw.keys.providerkey;

import io.aigw.keys.common.Metadata;

/** Entity to API shape; there is deliberately no mapping that carries the value or ciphertext. */
final class ProviderKeyMapper {

    private ProviderKeyMapper() {
    }

    static ProviderKeyResponse toResponse(ProviderKey key) {
        return new ProviderKeyResponse(key.id, key.providerId, key.name, key.description,
                Metadata.fromText(key.metadata), key.redacted, key.status, key.revision(), key.createdAt, key.updatedAt);
    }
}
