package io.aigw.keys.providerkey;

import io.aigw.keys.common.RandomIds;
import io.aigw.keys.config.KeySecrets;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of provider-key values. Each value gets its own random 256-bit data key and is
 * encrypted with AES-256-GCM (random 12-byte IV); the data key is wrapped with AES-256-GCM under the
 * current master key. Authenticated data binds the value to its row id, and the wrapped data key to
 * the row id and the master key id: ciphertext copied to another row, or relabelled with another key
 * id, fails to decrypt. Failures carry no key material.
 */
@Singleton
public class ProviderKeyCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;

    private final KeySecrets secrets;

    public ProviderKeyCipher(KeySecrets secrets) {
        this.secrets = secrets;
    }

    public Sealed seal(String rowId, String plaintext) {
        byte[] dataKey = RandomIds.bytes(DATA_KEY_BYTES);
        try {
            byte[] encryptedValue = encrypt(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), valueAad(rowId));
            String keyId = secrets.currentMasterKeyId();
            return new Sealed(encryptedValue, wrap(rowId, dataKey, keyId), keyId);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public String open(String rowId, byte[] encryptedValue, byte[] wrappedDataKey, String masterKeyId) {
        byte[] dataKey = unwrap(rowId, wrappedDataKey, masterKeyId);
        try {
            return new String(decrypt(dataKey, encryptedValue, valueAad(rowId)), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Re-wraps a data key under the current master key; the value's ciphertext stays as it is. */
    public byte[] rewrap(String rowId, byte[] wrappedDataKey, String fromKeyId) {
        byte[] dataKey = unwrap(rowId, wrappedDataKey, fromKeyId);
        try {
            return wrap(rowId, dataKey, secrets.currentMasterKeyId());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Wraps a data key under a named master key (current or previous). */
    byte[] wrap(String rowId, byte[] dataKey, String masterKeyId) {
        return encrypt(masterKey(masterKeyId), dataKey, dataKeyAad(rowId, masterKeyId));
    }

    private byte[] unwrap(String rowId, byte[] wrappedDataKey, String masterKeyId) {
        return decrypt(masterKey(masterKeyId), wrappedDataKey, dataKeyAad(rowId, masterKeyId));
    }

    private byte[] masterKey(String masterKeyId) {
        return secrets.masterKey(masterKeyId).orElseThrow(() -> new VaultException(
                "Master key '" + masterKeyId + "' is not configured (add it to AIGW_PREVIOUS_MASTER_KEYS)"));
    }

    private static byte[] valueAad(String rowId) {
        return ("aigw/provider-key/value/v1|" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dataKeyAad(String rowId, String masterKeyId) {
        return ("aigw/provider-key/data-key/v1|" + rowId + "|" + masterKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = RandomIds.bytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new VaultException("Encryption failed");
        }
    }

    private static byte[] decrypt(byte[] key, byte[] ivAndCiphertext, byte[] aad) {
        if (ivAndCiphertext == null || ivAndCiphertext.length <= IV_BYTES) {
            throw new VaultException("Ciphertext is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Ciphertext failed authentication (tampered, moved or wrong master key)");
        }
    }

    /** The encrypted form of a value, as stored in a {@link ProviderKey} row. */
    public record Sealed(byte[] encryptedValue, byte[] wrappedDataKey, String masterKeyId) {

        @Override
        public String toString() {
            return "Sealed[" + masterKeyId + ", [REDACTED]]";
        }
    }
}
