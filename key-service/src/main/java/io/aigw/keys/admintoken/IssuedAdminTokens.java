package io.aigw.keys.admintoken;

import io.aigw.keys.security.AdminTokenVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until admin tokens are issued: only the bootstrap token is accepted. */
@ApplicationScoped
public class IssuedAdminTokens implements AdminTokenVerifier {

    @Override
    public Uni<Boolean> isValid(String token) {
        return Uni.createFrom().item(false);
    }
}
