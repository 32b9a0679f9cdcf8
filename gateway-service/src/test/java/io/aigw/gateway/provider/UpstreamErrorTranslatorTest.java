package io.aigw.gateway.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** No piece of a provider key of 6 characters or more survives in a message that reaches the client (issue 14). */
class UpstreamErrorTranslatorTest {

    private static final String KEY = "sk-bad-0123456789abcdefSECRET";

    @Test
    void shouldMaskEverySixCharacterPieceOfTheKeyAtAnyOffset() {
        for (int length = 6; length <= KEY.length(); length++) {
            for (int at = 0; at + length <= KEY.length(); at++) {
                String piece = KEY.substring(at, at + length);
                String scrubbed = UpstreamErrorTranslator.scrub("Incorrect key: " + piece + " (see docs)", KEY);
                for (int i = 0; i + 6 <= KEY.length(); i++) {
                    assertThat(piece + " leaked as " + scrubbed, scrubbed.contains(KEY.substring(i, i + 6)), equalTo(false));
                }
                assertThat(scrubbed, containsString("(see docs)"));
            }
        }
    }

    @Test
    void shouldKeepTextThatSharesOnlyShortPiecesWithTheKey() {
        assertThat(UpstreamErrorTranslator.scrub("model gpt-4o is bad", KEY), equalTo("model gpt-4o is bad"));
    }
}
