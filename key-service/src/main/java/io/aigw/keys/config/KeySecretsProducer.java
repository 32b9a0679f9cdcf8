package io.aigw.keys.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Decodes the secrets eagerly, so a missing or malformed one stops the service at start-up. */
@Singleton
public class KeySecretsProducer {

    @Produces
    @Singleton
    @Startup
    KeySecrets keySecrets(KeysConfig config) {
        return KeySecrets.from(config);
    }
}
