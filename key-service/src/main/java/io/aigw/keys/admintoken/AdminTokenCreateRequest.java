package io.aigw.keys.admintoken;

import java.time.Instant;

/** Body of {@code POST /admin/v1/admin-tokens}; a null expiresAt never expires. */
public record AdminTokenCreateRequest(String name, Instant expiresAt) {
}
