package io.aigw.gateway.api;

import java.util.concurrent.ThreadLocalRandom;

/** `req_` + 24 lowercase base32 characters (120 random bits); cheap, no locks. */
public final class RequestIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[28];
        id[0] = 'r';
        id[1] = 'e';
        id[2] = 'q';
        id[3] = '_';
        long a = random.nextLong();
        long b = random.nextLong();
        for (int i = 0; i < 12; i++) {
            id[4 + i] = ALPHABET[(int) (a & 31)];
            a >>>= 5;
            id[16 + i] = ALPHABET[(int) (b & 31)];
            b >>>= 5;
        }
        return new String(id);
    }
}
