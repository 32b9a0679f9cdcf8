package io.aigw.keys.providerkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.config.KeySecrets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderKeyCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString("1".repeat(32).getBytes());
    private static final String K2 = Base64.getEncoder().encodeToString("2".repeat(32).getBytes());
    private static final String VALUE = "sk-or-v1-abcdefghijklmnopqrstuvwxyz0123456789";

    static ProviderKeyCipher cipher(String currentId, String current, String previous) {
        return new ProviderKeyCipher(KeySecrets.parse(Optional.of("admin-token-0123456789"),
                Optional.of("service-token-0123456789"), Optional.of("gateway-token-0123456789"),
                Optional.of(Base64.getEncoder().encodeToString(new byte[32])), Optional.of(current),
                Optional.of(currentId), Optional.ofNullable(previous)));
    }

    @Test
    void shouldRoundTripAndNeverStoreThePlaintext() {
        ProviderKeyCipher cipher = cipher("k1", K1, null);
        ProviderKeyCipher.Sealed sealed = cipher.seal("pk_a", VALUE);
        assertEquals("k1", sealed.masterKeyId());
        assertFalse(new String(sealed.encryptedValue(), StandardCharsets.ISO_8859_1).contains("abcdefgh"));
        assertEquals(VALUE, cipher.open("pk_a", sealed.encryptedValue(), sealed.wrappedDataKey(), "k1"));
        assertFalse(sealed.toString().contains(VALUE));
    }

    @Test
    void shouldUseAFreshDataKeyAndIvForEverySeal() {
        ProviderKeyCipher cipher = cipher("k1", K1, null);
        ProviderKeyCipher.Sealed a = cipher.seal("pk_a", VALUE);
        ProviderKeyCipher.Sealed b = cipher.seal("pk_a", VALUE);
        assertNotEquals(Arrays.toString(a.encryptedValue()), Arrays.toString(b.encryptedValue()));
        assertNotEquals(Arrays.toString(a.wrappedDataKey()), Arrays.toString(b.wrappedDataKey()));
    }

    @Test
    void shouldFailWhenCiphertextIsMovedToAnotherRow() {
        ProviderKeyCipher cipher = cipher("k1", K1, null);
        ProviderKeyCipher.Sealed sealed = cipher.seal("pk_a", VALUE);
        VaultException e = assertThrows(VaultException.class,
                () -> cipher.open("pk_b", sealed.encryptedValue(), sealed.wrappedDataKey(), "k1"));
        assertFalse(e.getMessage().contains(VALUE));
    }

    @Test
    void shouldFailWhenCiphertextIsTampered() {
        ProviderKeyCipher cipher = cipher("k1", K1, null);
        ProviderKeyCipher.Sealed sealed = cipher.seal("pk_a", VALUE);
        byte[] tampered = sealed.encryptedValue().clone();
        tampered[20] ^= 1;
        assertThrows(VaultException.class, () -> cipher.open("pk_a", tampered, sealed.wrappedDataKey(), "k1"));
        byte[] wrapped = sealed.wrappedDataKey().clone();
        wrapped[wrapped.length - 1] ^= 1;
        assertThrows(VaultException.class, () -> cipher.open("pk_a", sealed.encryptedValue(), wrapped, "k1"));
    }

    @Test
    void shouldFailWhenTheMasterKeyIdIsRelabelledEvenIfTheKeyBytesMatch() {
        ProviderKeyCipher cipher = cipher("k2", K2, "k1:" + K2);
        ProviderKeyCipher.Sealed sealed = cipher.seal("pk_a", VALUE);
        assertThrows(VaultException.class,
                () -> cipher.open("pk_a", sealed.encryptedValue(), sealed.wrappedDataKey(), "k1"));
    }

    @Test
    void shouldFailClearlyWhenTheMasterKeyIsNotConfigured() {
        ProviderKeyCipher.Sealed sealed = cipher("k1", K1, null).seal("pk_a", VALUE);
        VaultException e = assertThrows(VaultException.class, () -> cipher("k2", K2, null)
                .open("pk_a", sealed.encryptedValue(), sealed.wrappedDataKey(), "k1"));
        assertTrue(e.getMessage().contains("'k1' is not configured"), e.getMessage());
    }

    @Test
    void shouldRewrapUnderTheCurrentMasterKeyAndKeepTheValue() {
        ProviderKeyCipher.Sealed old = cipher("k1", K1, null).seal("pk_a", VALUE);
        ProviderKeyCipher rotated = cipher("k2", K2, "k1:" + K1);
        byte[] rewrapped = rotated.rewrap("pk_a", old.wrappedDataKey(), "k1");
        assertEquals(VALUE, rotated.open("pk_a", old.encryptedValue(), rewrapped, "k2"));
        assertThrows(VaultException.class, () -> cipher("k2", K2, null).open("pk_a", old.encryptedValue(), rewrapped, "k1"));
    }

    @Test
    void shouldRedactLikeTheSpec() {
        assertEquals("sk-or-v1-ab***wxyz", ProviderKeyRedactor.redact("sk-or-v1-abcdefghijklmnopqrstuvwxyz"));
        assertEquals("sk-proj-ab***6789", ProviderKeyRedactor.redact("sk-proj-abcdefghijklmnop0123456789"));
        assertEquals("AI***6789", ProviderKeyRedactor.redact("AIzaSyabcdefghijklmnop0123456789"));
        assertEquals("ab***yz", ProviderKeyRedactor.redact("abcdefghijklmnwxyz"));
        assertEquals("***", ProviderKeyRedactor.redact("short"));
    }
}
