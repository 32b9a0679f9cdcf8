package io.aigw.gateway.firewall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verdicts of the {@code decision} judge, per replica: keyed by a SHA-256 of model, statement and judged text (the
 * text itself is never kept), least recently used first out, each kept for a TTL. Only real verdicts are cached,
 * never a failure.
 */
final class VerdictCache {

    private final long ttlNanos;
    private final Map<String, Entry> entries;

    private record Entry(boolean match, long expires) {
    }

    VerdictCache(int size, long ttlMillis) {
        this.ttlNanos = ttlMillis * 1_000_000;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    static String key(String model, String statement, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {model, statement, text}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) (bytes.length >>> 24));
                digest.update((byte) (bytes.length >>> 16));
                digest.update((byte) (bytes.length >>> 8));
                digest.update((byte) bytes.length);
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached verdict (true = the statement applies), or null. */
    synchronized Boolean get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expires > 0) {
            entries.remove(key);
            return null;
        }
        return entry.match;
    }

    synchronized void put(String key, boolean match) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry(match, System.nanoTime() + ttlNanos));
        }
    }
}
