package io.aigw.config.firewall;

import java.security.SecureRandom;

/** Firewall policy ids: {@code fwp_} + 16 lowercase base32 characters (like configuration ids). */
final class FirewallPolicyIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FirewallPolicyIds() {
    }

    static String newId() {
        StringBuilder id = new StringBuilder("fwp_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
