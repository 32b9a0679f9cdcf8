package io.aigw.keys.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** key-service settings. Secrets are optional here so that {@link KeySecrets} can say clearly what is missing. */
@ConfigMapping(prefix = "aigw.keys")
public interface KeysConfig {

    /** Bootstrap admin token for /admin/v1/* (env AIGW_ADMIN_TOKEN). */
    Optional<String> adminToken();

    /** Service token for /internal/v1/* (env AIGW_SERVICE_TOKEN). */
    Optional<String> serviceToken();

    /** The gateway's token, the only one that reads decrypted provider keys (env AIGW_GATEWAY_TOKEN). */
    Optional<String> gatewayToken();

    /** Base64 pepper keying the HMAC-SHA-256 of access-key and admin-token secrets (env AIGW_KEY_PEPPER), at least 32 bytes. */
    Optional<String> pepper();

    /** Base64 of the current 32-byte master key wrapping provider-key data keys (env AIGW_MASTER_KEY). */
    Optional<String> masterKey();

    /** Identifier stored next to every wrapped data key (env AIGW_MASTER_KEY_ID). */
    Optional<String> masterKeyId();

    /** Earlier master keys still needed to unwrap, as {@code id:base64,id:base64} (env AIGW_PREVIOUS_MASTER_KEYS). */
    Optional<String> previousMasterKeys();

    /** Usage ledger settings. */
    Usage usage();

    interface Usage {
        /** How often the access keys' lastUsedAt are written (one batched UPDATE; at most one write per key per interval). */
        @WithDefault("30s")
        Duration lastUsedFlushInterval();
    }
}
