package io.aigw.keys.common;

import java.security.SecureRandom;

/** Random identifiers and secrets from {@link SecureRandom}. */
public final class RandomIds {

    /** Lowercase base32 (Crockford's alphabet: no i, l, o, u), as in the contract's ids. */
    public static final String BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";
    public static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String base32(int length) {
        return random(BASE32, length);
    }

    public static String base62(int length) {
        return random(BASE62, length);
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
