package io.aigw.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The id rules: every id accepted is addressable as a URL path as it is, every bad one is refused with a reason. */
class IdsTest {

    @Property
    void shouldAcceptIdsOfSafeCharactersWhoseSegmentsAreNotDots(@ForAll("safeIds") String id) {
        assertNull(Ids.problem(id), id);
    }

    @Property
    void shouldRefuseAnyIdHoldingAControlCharacter(@ForAll("safeIds") String id, @ForAll("controls") char control,
            @ForAll("positions") double where) {
        int at = (int) (where * id.length());
        assertNotNull(Ids.problem(id.substring(0, at) + control + id.substring(at)));
    }

    @Property
    void shouldRefuseAnyIdWithADotSegment(@ForAll("safeIds") String id, @ForAll("dots") String dots) {
        assertNotNull(Ids.problem(id + "/" + dots));
        assertNotNull(Ids.problem(dots + "/" + id));
        assertNotNull(Ids.problem(id + "/" + dots + "/" + id));
    }

    @Property
    void shouldNeverThrowWhateverTheInput(@ForAll String anything) {
        Ids.problem(anything);
        TextRules.problem(anything);
    }

    @Test
    void shouldRefuseTheIssuesExamples() {
        assertNotNull(Ids.problem("x/../../../providers/P"));
        assertNotNull(Ids.problem("a/./b"));
        assertNotNull(Ids.problem("\u0000"));
        assertNotNull(Ids.problem(" padded"));
        assertNotNull(Ids.problem("x".repeat(Ids.MAX_LENGTH + 1)));
        assertNotNull(Ids.problem("lone\ud800"));
        assertEquals(null, Ids.problem("openrouter/google/gemma-3-27b-it:free"));
        assertEquals(null, Ids.problem("a..b/c.d"));
    }

    @Provide
    Arbitrary<String> safeIds() {
        return Arbitraries.strings().withChars("abcXYZ019-_.:/").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.equals(s.strip()) || true)
                .filter(s -> java.util.Arrays.stream(s.split("/", -1)).noneMatch(p -> p.equals(".") || p.equals("..")));
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.chars().range('\u0000', '\u001f');
    }

    @Provide
    Arbitrary<String> dots() {
        return Arbitraries.of(".", "..");
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }
}
