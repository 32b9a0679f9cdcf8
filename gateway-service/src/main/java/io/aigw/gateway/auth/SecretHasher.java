package io.aigw.gateway.auth;

import io.aigw.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 of access-key secrets under the shared pepper (base64, as key-service holds it). */
@Singleton
public class SecretHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs;

    public SecretHasher(GatewayConfig config) {
        SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(config.keyPepper().orElse("").trim()), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** Constant-time comparison of the secret's HMAC with the stored hash. */
    public boolean matches(String secret, byte[] expectedHash) {
        byte[] actual = macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(actual, expectedHash);
    }
}
