package io.aigw.keys.security;

import io.smallrye.mutiny.Uni;

/** Checks tokens issued by {@code POST /admin/v1/admin-tokens} (the bootstrap token is checked by the filter). */
public interface AdminTokenVerifier {

    Uni<Boolean> isValid(String token);
}
