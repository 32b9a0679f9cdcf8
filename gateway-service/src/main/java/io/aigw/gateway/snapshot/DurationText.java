package io.aigw.gateway.snapshot;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written ISO-8601 (`PT1M`) or Go style (`30s`, `1m30s`, `500ms`), per contracts.md. */
public final class DurationText {

    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        Matcher m = GO_PART.matcher(t);
        long millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            double amount = Double.parseDouble(m.group(1));
            millis += (long) (amount * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return Duration.ofMillis(millis);
    }
}
