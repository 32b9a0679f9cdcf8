package io.aigw.e2e.simulator.behavior;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses comma-separated directives ({@code status=429,retry-after=1}). A token without {@code =} continues the
 * previous value, so {@code status-seq=429,429,200} reads as one directive.
 */
public final class BehaviorParser {

    private BehaviorParser() {
    }

    /** Parses the header script, then the model script (later directives win); blank scripts give {@link Behavior#NONE}. */
    public static Behavior parse(String headerScript, String modelScript) {
        List<String[]> directives = new ArrayList<>();
        split(headerScript, directives);
        split(modelScript, directives);
        if (directives.isEmpty()) {
            return Behavior.NONE;
        }
        Builder b = new Builder();
        for (String[] d : directives) {
            b.apply(d[0], d[1]);
        }
        return b.build();
    }

    private static void split(String script, List<String[]> into) {
        if (script == null || script.isBlank()) {
            return;
        }
        for (String token : script.split(",")) {
            String t = token.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0 && !into.isEmpty()) {
                String[] last = into.get(into.size() - 1);
                last[1] = last[1] + "," + t;
            } else if (eq < 0) {
                throw new IllegalArgumentException("simulator directive without value: '" + t + "'");
            } else {
                into.add(new String[] {t.substring(0, eq).trim().toLowerCase(), t.substring(eq + 1).trim()});
            }
        }
    }

    private static final class Builder {
        long latencyMs;
        long ttftMs;
        int chunks = Behavior.DEFAULT_CHUNKS;
        long chunkIntervalMs;
        int status;
        Integer retryAfter;
        boolean reset;
        boolean hang;
        int breakAfter = -1;
        int errorInStream = -1;
        List<Integer> statusSequence = List.of();
        String scenario;
        boolean usage = true;
        boolean rateLimitHeaders;
        boolean tool;
        boolean gzip;
        int redirect;
        boolean jsonToStream;
        String reply;
        boolean errorEchoesKey;
        int endAfter = -1;
        final Map<String, Integer> failKeys = new HashMap<>();

        void apply(String name, String value) {
            switch (name) {
                case "latency-ms" -> latencyMs = number(name, value);
                case "ttft-ms" -> ttftMs = number(name, value);
                case "chunks" -> chunks = Math.max(1, (int) number(name, value));
                case "chunk-interval-ms" -> chunkIntervalMs = number(name, value);
                case "status" -> status = status(value);
                case "retry-after" -> retryAfter = (int) number(name, value);
                case "reset" -> reset = flag(name, value);
                case "hang" -> hang = flag(name, value);
                case "break-after" -> breakAfter = (int) number(name, value);
                case "error-in-stream" -> errorInStream = (int) number(name, value);
                case "status-seq" -> statusSequence = statuses(value);
                case "scenario" -> scenario = value;
                case "usage" -> usage = flag(name, value);
                case "ratelimit-headers" -> rateLimitHeaders = flag(name, value);
                case "tool" -> tool = flag(name, value);
                case "fail-key" -> failKey(value);
                case "gzip" -> gzip = flag(name, value);
                case "redirect" -> redirect = redirectStatus(value);
                case "json-to-stream" -> jsonToStream = flag(name, value);
                case "reply" -> reply = value;
                case "error-echoes-key" -> errorEchoesKey = flag(name, value);
                case "end-after" -> endAfter = (int) number(name, value);
                default -> throw new IllegalArgumentException("unknown simulator directive '" + name + "'");
            }
        }

        private void failKey(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("fail-key needs <key>:<status>, got '" + value + "'");
            }
            failKeys.put(value.substring(0, colon), status(value.substring(colon + 1)));
        }

        private static int redirectStatus(String value) {
            int s = status(value);
            if (s < 300 || s > 399) {
                throw new IllegalArgumentException("redirect needs a 3xx status, got '" + value + "'");
            }
            return s;
        }

        private static List<Integer> statuses(String value) {
            List<Integer> out = new ArrayList<>();
            for (String s : value.split("[,;|]")) {
                if (!s.isBlank()) {
                    out.add(status(s.trim()));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("status-seq needs at least one status");
            }
            return List.copyOf(out);
        }

        private static int status(String value) {
            int s = (int) number("status", value);
            if (s < 100 || s > 599) {
                throw new IllegalArgumentException("not an HTTP status: '" + value + "'");
            }
            return s;
        }

        private static long number(String name, String value) {
            try {
                long n = Long.parseLong(value);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a non-negative number, got '" + value + "'");
            }
        }

        private static boolean flag(String name, String value) {
            return switch (value.toLowerCase()) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(name + " needs 1 or 0, got '" + value + "'");
            };
        }

        Behavior build() {
            return new Behavior(latencyMs, ttftMs, chunks, chunkIntervalMs, status, retryAfter, reset, hang,
                    breakAfter, errorInStream, statusSequence, scenario, usage, rateLimitHeaders, tool,
                    Map.copyOf(failKeys), gzip, redirect, jsonToStream, reply, errorEchoesKey, endAfter);
        }
    }
}
