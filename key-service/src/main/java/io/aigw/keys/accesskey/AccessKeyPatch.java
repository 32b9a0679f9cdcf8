package io.aigw.keys.accesskey;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.keys.common.Metadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Applies a validated PATCH: absent fields are kept, explicit nulls clear. */
final class AccessKeyPatch {

    private AccessKeyPatch() {
    }

    /** Returns whether anything changed. */
    static boolean apply(AccessKey key, AccessKeyPatchRequest body, Instant parsedExpiresAt) {
        boolean changed = false;
        if (body.name() != null && !body.name().asText().equals(key.name)) {
            key.name = body.name().asText();
            changed = true;
        }
        if (body.description() != null) {
            String value = text(body.description());
            changed |= !Objects.equals(value, key.description);
            key.description = value;
        }
        if (body.metadata() != null) {
            String value = Metadata.toText(body.metadata());
            changed |= !Objects.equals(value, key.metadata);
            key.metadata = value;
        }
        if (body.configurationId() != null) {
            String value = text(body.configurationId());
            changed |= !Objects.equals(value, key.configurationId);
            key.configurationId = value;
        }
        if (body.expiresAt() != null) {
            Instant value = parsedExpiresAt == null ? null : parsedExpiresAt.truncatedTo(ChronoUnit.MICROS);
            changed |= !Objects.equals(value, key.expiresAt);
            key.expiresAt = value;
        }
        return changed;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }
}
