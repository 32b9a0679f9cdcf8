package io.aigw.keys.admintoken;

import java.time.Instant;

/** Entity to API shape. */
final class AdminTokenMapper {

    private AdminTokenMapper() {
    }

    static AdminTokenResponse toResponse(AdminToken token, Instant now) {
        return new AdminTokenResponse(token.id, token.name, token.effectiveStatus(now), token.expiresAt, token.redacted,
                token.revision(), token.createdAt, token.updatedAt, token.createdBy);
    }
}
