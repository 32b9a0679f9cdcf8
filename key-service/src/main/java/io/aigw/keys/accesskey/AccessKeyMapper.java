package io.aigw.keys.accesskey;

import io.aigw.keys.common.Metadata;
import java.time.Instant;
import java.util.Base64;

/** Entity to API shapes. The hash leaves only through {@link #toRecord} (internal API). */
final class AccessKeyMapper {

    private AccessKeyMapper() {
    }

    static AccessKeyResponse toResponse(AccessKey key, Instant now) {
        return new AccessKeyResponse(key.id, key.publicId, key.name, key.description, Metadata.fromText(key.metadata),
                key.configurationId, key.effectiveStatus(now), key.expiresAt, key.redacted, key.revision(), key.createdAt,
                key.updatedAt, key.lastUsedAt);
    }

    static AccessKeyRecord toRecord(AccessKey key, Instant now) {
        return new AccessKeyRecord(toResponse(key, now), Base64.getEncoder().encodeToString(key.secretHash));
    }
}
