package io.aigw.gateway.firewall;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.aigw.gateway.firewall.pii.PiiDetector;
import java.util.List;
import java.util.Set;

/**
 * One compiled rule. {@code toolNames} (toolName rules) is one RE2 pattern for all the rule's globs; {@code regex}
 * (regex rules) the operator's pattern, with {@code literals} its pre-filter (null = none safe); {@code detectors} (pii
 * rules); {@code statement} and {@code model} (decision rules: judged by {@link DecisionRules}, never by the
 * synchronous inspectors).
 */
public record FirewallRule(String id, Kind kind, Tier tier, Action action, Set<Target> targets, Pattern toolNames,
        Pattern regex, RequiredLiterals literals, List<PiiDetector> detectors, String statement, String model) {

    public enum Kind {
        TOOL_NAME, REGEX, PII, DECISION
    }

    public boolean reads(Target target) {
        return targets.contains(target);
    }

    /** Whether a tool name matches one of the globs (toolName rules only). */
    public boolean matchesToolName(String name) {
        return kind == Kind.TOOL_NAME && name != null && toolNames.matches(name);
    }

    /** Adds the spans this rule finds in {@code text} (regex and pii rules). */
    public void find(String text, List<Span> out) {
        find(new ScanText(text), out);
    }

    /** As {@link #find(String, List)}; a regex whose required literals {@code text} lacks is not run. */
    void find(ScanText scan, List<Span> out) {
        String text = scan.text;
        if (kind == Kind.REGEX) {
            if (literals != null && !literals.mayMatch(scan)) {
                return;
            }
            Matcher m = regex.matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Span(m.start(), m.end(), "MATCH"));
                }
            }
        } else if (kind == Kind.PII) {
            for (PiiDetector detector : detectors) {
                detector.find(text, out);
            }
        }
    }

    /** Globs to one anchored RE2 pattern: {@code *} any run of characters, {@code ?} one, the rest literal. */
    static Pattern globs(List<String> globs) {
        StringBuilder regex = new StringBuilder();
        for (String glob : globs) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' || c == '?') {
                    regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile("(?s)(?:" + regex + ")");
    }
}
