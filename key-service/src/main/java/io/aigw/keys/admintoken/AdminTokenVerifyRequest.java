package io.aigw.keys.admintoken;

/** Body of {@code POST /internal/v1/admin-tokens:verify}. */
public record AdminTokenVerifyRequest(String token) {

    @Override
    public String toString() {
        return "AdminTokenVerifyRequest[REDACTED]";
    }
}
