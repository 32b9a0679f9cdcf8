package io.aigw.config.configuration;

import java.security.SecureRandom;

/** Configuration ids: {@code cfg_} + 16 lowercase base32 characters (contracts.md). */
final class ConfigurationIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfigurationIds() {
    }

    static String newId() {
        StringBuilder id = new StringBuilder("cfg_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
