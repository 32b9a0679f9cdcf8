package io.aigw.gateway.firewall.pii;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.aigw.gateway.firewall.Span;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds one kind of personal data or secret: candidates by an RE2 pattern (linear time), then a check the pattern
 * cannot express (Luhn, mod-97, entropy, reserved ranges). {@code type} names the placeholder: {@code [REDACTED_EMAIL]}.
 */
public final class PiiDetector {

    private final String name;
    private final String type;
    private final Pattern pattern;
    private final Predicate<String> check;
    private final Predicate<String> worthScanning;

    /** {@code worthScanning}: a cheap pre-check of the whole text (an {@code @}, enough digits) before RE2 runs. */
    PiiDetector(String name, String type, String regex, Predicate<String> check, Predicate<String> worthScanning) {
        this.name = name;
        this.type = type;
        this.pattern = Pattern.compile(regex);
        this.check = check;
        this.worthScanning = worthScanning;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /**
     * Adds a span per valid match in {@code text}. Patterns put the value in group 1 between boundary characters
     * (RE2 has no look-around); the search goes on from the value's end, so one separator serves two neighbours.
     */
    public void find(String text, List<Span> out) {
        if (!worthScanning.test(text)) {
            return;
        }
        Matcher m = pattern.matcher(text);
        boolean grouped = m.groupCount() >= 1;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int start = grouped ? m.start(1) : m.start();
            int end = grouped ? m.end(1) : m.end();
            if (end > start && check.test(text.substring(start, end))) {
                out.add(new Span(start, end, type));
            }
            from = Math.max(end, from + 1);
        }
    }

    /** Whether {@code text} contains at least one valid match. */
    public boolean matches(String text) {
        List<Span> spans = new java.util.ArrayList<>(1);
        find(text, spans);
        return !spans.isEmpty();
    }
}
