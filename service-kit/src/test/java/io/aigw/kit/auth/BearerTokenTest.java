package io.aigw.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void shouldReadOneTokenGrammarWhateverTheService() {
        assertEquals("abc-123_x.y~z+/=", BearerToken.from("Bearer abc-123_x.y~z+/="));
        assertEquals("tok", BearerToken.from("bearer   tok  "));
        assertNull(BearerToken.from("Basic tok"));
        assertNull(BearerToken.from("Bearer "));
        assertNull(BearerToken.from("Bearer two words"));
        assertNull(BearerToken.from("Bearer tok\u0000"));
        assertNull(BearerToken.from("Bearer " + "x".repeat(513)));
    }

    @Test
    void shouldApplyOnePathRule() {
        assertEquals(true, TokenFilter.under("/admin", "/admin"));
        assertEquals(true, TokenFilter.under("/admin/v1/x", "/admin"));
        assertEquals(false, TokenFilter.under("/administrator", "/admin"));
        assertEquals(false, TokenFilter.under("/internalx", "/internal"));
    }
}
