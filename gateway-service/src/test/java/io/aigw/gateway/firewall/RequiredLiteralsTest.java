package io.aigw.gateway.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    @Test
    void shouldTakeTheLongestRequiredRunOfEachAlternative() {
        assertEquals(List.of("forbidden-word-"), RequiredLiterals.of("(?i)forbidden-word-\\d+\\b").literals());
        assertEquals(List.of("password"), RequiredLiterals.of("pass?\\s*password[:=]").literals());
        assertEquals(List.of("rm -rf", "drop table"), RequiredLiterals.of("rm -rf|drop table").literals());
        assertEquals(List.of("abc"), RequiredLiterals.of("x?abc+d*").literals());
        assertEquals(List.of("_api.key"), RequiredLiterals.of("[a-z]+_api\\.key").literals());
    }

    @Test
    void shouldGiveNoPreFilterWhereAMatchNeedsNoLiteral() {
        assertNull(RequiredLiterals.of("\\d{3}-\\d{2}"));
        assertNull(RequiredLiterals.of("secret|\\w+@"));
        assertNull(RequiredLiterals.of("(password|token)"));
        assertNull(RequiredLiterals.of("ab"));
        assertNull(RequiredLiterals.of("abc(?i)def"), "flags changing mid-pattern");
        assertNull(RequiredLiterals.of("\\Qa.b\\E"));
        assertNull(RequiredLiterals.of("\\x41BCD"));
        assertNull(RequiredLiterals.of("a{,2}bcd"), "a brace RE2 reads literally");
    }

    @Test
    void shouldNeverSkipATextThePatternMatches() {
        List<String> patterns = List.of("(?i)forbidden-word-7\\b", "rm\\s+-rf|DROP TABLE", "(?i)kelvin", "(?i)sudo",
                "ab+c{2,}d", "(?is)begin.*end", "x[]y]zzz", "(?i:ABC)def", "colou?r-code", "\\bpass(word)?: ");
        List<String> texts = List.of("FORBIDDEN-WORD-7!", "forbidden-word-77", "please rm  -rf /", "drop table x",
                "DROP TABLE x", "\u212Aelvin", "\u017Fudo make me", "abbccd", "abcccd", "BEGIN\nx\nEND", "begin end",
                "x]yzzz", "abcdef", "ABCdef", "color-code", "colour-code", "pass: ", "password: ", "nothing here");
        for (String pattern : patterns) {
            Pattern regex = Pattern.compile(pattern);
            RequiredLiterals literals = RequiredLiterals.of(pattern);
            for (String text : texts) {
                if (regex.matcher(text).find()) {
                    assertTrue(literals == null || literals.mayMatch(new ScanText(text)),
                            pattern + " matches " + text + " but the pre-filter would skip it");
                }
            }
        }
    }

    @Test
    void shouldSkipATextWithoutTheLiteral() {
        RequiredLiterals literals = RequiredLiterals.of("(?i)forbidden-word-7\\b");
        assertFalse(literals.mayMatch(new ScanText("The quarterly report covers revenue.")));
        assertTrue(literals.mayMatch(new ScanText("a Forbidden-Word-7 here")));
    }
}
