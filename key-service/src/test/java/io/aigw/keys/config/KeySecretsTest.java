package io.aigw.keys.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySecretsTest {

    private static final String KEY_32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String PEPPER = Base64.getEncoder().encodeToString("p".repeat(32).getBytes());

    private static KeySecrets parse(String masterKey, String masterKeyId, String previous) {
        return KeySecrets.parse(Optional.of("admin-token-0123456789"), Optional.of("service-token-0123456789"),
                Optional.of("gateway-token-0123456789"), Optional.of(PEPPER), Optional.ofNullable(masterKey),
                Optional.ofNullable(masterKeyId), Optional.ofNullable(previous));
    }

    @Test
    void shouldRefuseToStartWhenMasterKeyIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(null, "k1", null));
        assertTrue(e.getMessage().contains("AIGW_MASTER_KEY is not set"), e.getMessage());
    }

    @Test
    void shouldRefuseToStartWhenMasterKeyHasWrongLengthWithoutPrintingIt() {
        String sixteenBytes = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(sixteenBytes, "k1", null));
        assertTrue(e.getMessage().contains("AIGW_MASTER_KEY must decode to exactly 32 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(sixteenBytes), "the key itself must not appear");
    }

    @Test
    void shouldRefuseToStartWhenMasterKeyIsNotBase64() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse("%%%not-base64%%%", "k1", null));
        assertTrue(e.getMessage().contains("AIGW_MASTER_KEY is not valid base64"), e.getMessage());
        assertFalse(e.getMessage().contains("%%%not-base64%%%"));
    }

    @Test
    void shouldListEveryMissingSecretAtOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeySecrets.parse(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        for (String name : new String[] {"AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_GATEWAY_TOKEN", "AIGW_KEY_PEPPER",
                "AIGW_MASTER_KEY", "AIGW_MASTER_KEY_ID"}) {
            assertTrue(e.getMessage().contains(name + " is not set"), e.getMessage());
        }
    }

    @Test
    void shouldRefuseAGatewayTokenThatAnotherTokenAlreadyIs() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeySecrets.parse(
                Optional.of("admin-token-0123456789"), Optional.of("service-token-0123456789"),
                Optional.of("service-token-0123456789"), Optional.of(PEPPER), Optional.of(KEY_32), Optional.of("k1"),
                Optional.empty()));
        assertTrue(e.getMessage().contains("AIGW_GATEWAY_TOKEN must differ from AIGW_SERVICE_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains("service-token-0123456789"), "a token must not appear");
    }

    @Test
    void shouldRefuseAPreviousMasterKeyOfWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(KEY_32, "k2", "k1:" + shortKey));
        assertTrue(e.getMessage().contains("AIGW_PREVIOUS_MASTER_KEYS entry 1 must decode to exactly 32 bytes"),
                e.getMessage());
    }

    @Test
    void shouldKnowCurrentAndPreviousMasterKeys() {
        KeySecrets secrets = parse(KEY_32, "k2", "k1:" + KEY_32 + ", k0:" + KEY_32);
        assertEquals("k2", secrets.currentMasterKeyId());
        assertTrue(secrets.knowsMasterKey("k1") && secrets.knowsMasterKey("k0"));
        assertFalse(secrets.knowsMasterKey("k9"));
        assertEquals("KeySecrets[REDACTED]", secrets.toString());
    }
}
