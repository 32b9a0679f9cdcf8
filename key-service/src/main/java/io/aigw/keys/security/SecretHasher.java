package io.aigw.keys.security;

import io.aigw.keys.config.KeySecrets;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 of token secrets under the server pepper: what is stored instead of the secret. */
@Singleton
public class SecretHasher {

    private final SecretKeySpec pepper;

    public SecretHasher(KeySecrets secrets) {
        this.pepper = new SecretKeySpec(secrets.pepper(), "HmacSHA256");
    }

    public byte[] hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    /** Constant-time check of a presented secret against a stored hash. */
    public boolean matches(String secret, byte[] storedHash) {
        return ConstantTime.equals(hash(secret), storedHash);
    }
}
