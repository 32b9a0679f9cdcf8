package io.aigw.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One open-loop run: POST {@code body} to {@code url} at a fixed {@code rate} for {@code durationNanos}, after a
 * discarded warm-up at the same rate, over at most {@code connections} keep-alive connections.
 *
 * @param headers "Name: value" lines added to every request
 */
public record LoadOptions(URI url, double rate, long durationNanos, long warmupNanos, int connections,
                          List<String> headers, String body, long timeoutNanos) {

    public LoadOptions {
        headers = List.copyOf(headers);
        if (rate <= 0 || durationNanos <= 0 || warmupNanos < 0 || connections < 1 || timeoutNanos <= 0) {
            throw new IllegalArgumentException("invalid load options: rate " + rate + ", connections " + connections);
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("only http:// URLs are supported: " + url);
        }
    }

    /** {@code --url U --rate R [--duration 10s] [--warmup 2s] [--connections 64] [--header 'N: v']… [--body B | --body-file F] [--timeout 10s]}. */
    public static LoadOptions parse(String... args) throws IOException {
        URI url = null;
        double rate = 0;
        long duration = seconds(10);
        long warmup = seconds(2);
        long timeout = seconds(10);
        int connections = 64;
        String body = "";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> duration = nanos(value);
                case "--warmup" -> warmup = nanos(value);
                case "--timeout" -> timeout = nanos(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--header" -> headers.add(value);
                case "--body" -> body = value;
                case "--body-file" -> body = Files.readString(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return new LoadOptions(url, rate, duration, warmup, connections, headers, body, timeout);
    }

    /** "250ms", "3s", "1m", or plain seconds ("2.5"). */
    static long nanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return (long) (Double.parseDouble(t.substring(0, t.length() - 2)) * 1e6);
        }
        if (t.endsWith("s")) {
            return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9);
        }
        if (t.endsWith("m")) {
            return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60e9);
        }
        return (long) (Double.parseDouble(t) * 1e9);
    }

    private static long seconds(long s) {
        return s * 1_000_000_000L;
    }

    /** Requests sent in a phase of {@code nanos}: one every 1/rate seconds. */
    int requestsIn(long nanos) {
        return (int) Math.max(1, Math.floor(nanos / 1e9 * rate));
    }
}
