package io.aigw.gateway.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA-256 that seals the snapshot saved in Redis, under a key derived from the gateway's key pepper (which
 * Redis never sees): HMAC(pepper, "aigw-snapshot-v1"). It covers the three documents, the offsets and the version,
 * each length-prefixed. A replica uses a saved snapshot only when its signature verifies, so whoever can write Redis
 * cannot point a provider at their own host and receive its decrypted key.
 */
public final class SnapshotSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    public SnapshotSignature(String base64Pepper) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Pepper), ALGORITHM));
            this.key = mac.doFinal("aigw-snapshot-v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Base64 of the HMAC over {@code fields} (each length-prefixed, so no two field lists sign alike). */
    public String sign(byte[]... fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] field : fields) {
                mac.update(ByteBuffer.allocate(4).putInt(field.length).array());
                mac.update(field);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code signature} seals {@code fields} (constant-time compare). */
    public boolean verifies(String signature, byte[]... fields) {
        return signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                sign(fields).getBytes(StandardCharsets.US_ASCII));
    }
}
