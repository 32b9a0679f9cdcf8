package io.aigw.keys.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets key-service runs on, decoded and checked once at start-up. A missing or malformed
 * secret stops the service with a message naming the variable, never its value.
 */
public final class KeySecrets {

    public static final int MASTER_KEY_BYTES = 32;
    public static final int MIN_PEPPER_BYTES = 32;

    private final String adminToken;
    private final String serviceToken;
    private final byte[] pepper;
    private final String currentMasterKeyId;
    private final Map<String, byte[]> masterKeys;

    private KeySecrets(String adminToken, String serviceToken, byte[] pepper, String currentMasterKeyId,
            Map<String, byte[]> masterKeys) {
        this.adminToken = adminToken;
        this.serviceToken = serviceToken;
        this.pepper = pepper;
        this.currentMasterKeyId = currentMasterKeyId;
        this.masterKeys = masterKeys;
    }

    public static KeySecrets from(KeysConfig config) {
        return parse(config.adminToken(), config.serviceToken(), config.gatewayToken(), config.pepper(),
                config.masterKey(), config.masterKeyId(), config.previousMasterKeys());
    }

    /** Parses raw values; throws {@link IllegalStateException} listing every problem (names only). */
    public static KeySecrets parse(Optional<String> adminToken, Optional<String> serviceToken,
            Optional<String> gatewayToken, Optional<String> pepper, Optional<String> masterKey,
            Optional<String> masterKeyId, Optional<String> previousMasterKeys) {
        List<String> problems = new ArrayList<>();
        String admin = required(adminToken, "AIGW_ADMIN_TOKEN", problems);
        if (admin != null && admin.length() < 16) {
            problems.add("AIGW_ADMIN_TOKEN must be at least 16 characters long");
        }
        String service = required(serviceToken, "AIGW_SERVICE_TOKEN", problems);
        if (service != null && service.length() < 16) {
            problems.add("AIGW_SERVICE_TOKEN must be at least 16 characters long");
        }
        // Only the gateway reads decrypted provider keys: its token must open nothing another token opens.
        String gateway = required(gatewayToken, "AIGW_GATEWAY_TOKEN", problems);
        if (gateway != null && gateway.length() < 16) {
            problems.add("AIGW_GATEWAY_TOKEN must be at least 16 characters long");
        }
        if (gateway != null && (gateway.equals(service) || gateway.equals(admin))) {
            problems.add("AIGW_GATEWAY_TOKEN must differ from AIGW_SERVICE_TOKEN and AIGW_ADMIN_TOKEN");
        }
        byte[] pepperBytes = decode(required(pepper, "AIGW_KEY_PEPPER", problems), "AIGW_KEY_PEPPER", problems);
        if (pepperBytes != null && pepperBytes.length < MIN_PEPPER_BYTES) {
            problems.add("AIGW_KEY_PEPPER must decode to at least " + MIN_PEPPER_BYTES + " bytes, got "
                    + pepperBytes.length);
        }
        String keyId = required(masterKeyId, "AIGW_MASTER_KEY_ID", problems);
        if (keyId != null && !keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("AIGW_MASTER_KEY_ID must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        byte[] current = masterKeyBytes(required(masterKey, "AIGW_MASTER_KEY", problems), "AIGW_MASTER_KEY", problems);
        if (keyId != null && current != null) {
            keys.put(keyId, current);
        }
        previousMasterKeys.filter(s -> !s.isBlank()).ifPresent(list -> parsePrevious(list, keys, problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("key-service cannot start: " + String.join("; ", problems));
        }
        return new KeySecrets(admin, service, pepperBytes, keyId, Map.copyOf(keys));
    }

    private static void parsePrevious(String list, Map<String, byte[]> keys, List<String> problems) {
        int index = 0;
        for (String entry : list.split(",")) {
            index++;
            int colon = entry.indexOf(':');
            String name = "AIGW_PREVIOUS_MASTER_KEYS entry " + index;
            if (colon <= 0) {
                problems.add(name + " must look like <keyId>:<base64 key>");
                continue;
            }
            String id = entry.substring(0, colon).trim();
            byte[] key = masterKeyBytes(entry.substring(colon + 1).trim(), name, problems);
            if (key != null && keys.putIfAbsent(id, key) != null) {
                problems.add(name + " reuses the key id of another master key");
            }
        }
    }

    private static byte[] masterKeyBytes(String value, String name, List<String> problems) {
        byte[] bytes = decode(value, name, problems);
        if (bytes != null && bytes.length != MASTER_KEY_BYTES) {
            problems.add(name + " must decode to exactly " + MASTER_KEY_BYTES + " bytes (AES-256), got " + bytes.length);
            return null;
        }
        return bytes;
    }

    private static String required(Optional<String> value, String name, List<String> problems) {
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(name + " is not set");
            return null;
        }
        return value.get().trim();
    }

    private static byte[] decode(String value, String name, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not valid base64");
            return null;
        }
    }

    public String adminToken() {
        return adminToken;
    }

    public String serviceToken() {
        return serviceToken;
    }

    public byte[] pepper() {
        return pepper.clone();
    }

    public String currentMasterKeyId() {
        return currentMasterKeyId;
    }

    /** The master key with this id, if configured (current or previous). */
    public Optional<byte[]> masterKey(String id) {
        return Optional.ofNullable(masterKeys.get(id)).map(byte[]::clone);
    }

    /** Ids of the configured master keys other than the current one. */
    public List<String> previousMasterKeyIds() {
        return masterKeys.keySet().stream().filter(id -> !id.equals(currentMasterKeyId)).sorted().toList();
    }

    public boolean knowsMasterKey(String id) {
        return masterKeys.containsKey(id);
    }

    @Override
    public String toString() {
        return "KeySecrets[REDACTED]";
    }
}
