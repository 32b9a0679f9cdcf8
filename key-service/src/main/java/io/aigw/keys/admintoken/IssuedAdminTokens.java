package io.aigw.keys.admintoken;

import io.aigw.kit.auth.IssuedTokenVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets the auth filter accept active issued admin tokens (no cache here: revocation counts at once). */
@ApplicationScoped
public class IssuedAdminTokens implements IssuedTokenVerifier {

    private final AdminTokenService service;

    public IssuedAdminTokens(AdminTokenService service) {
        this.service = service;
    }

    @Override
    public Uni<Boolean> isValid(String token) {
        return service.verify(token).map(AdminTokenVerifyResponse::valid);
    }
}
