package io.aigw.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aigw.kit.problem.ProblemException;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void shouldAnswer400NamingLimitForAnythingButAWholeNumberFrom1To100() {
        for (String bad : new String[] {"abc", "1.5", "0", "101", "-1", "1e2", " 5", "99999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.limit(bad), bad);
            assertEquals(400, e.status());
            assertEquals("limit", e.errors().get(0).parameter());
        }
        assertEquals(20, Paging.limit(null));
        assertEquals(100, Paging.limit("100"));
    }

    @Test
    void shouldAnswer400NamingCursorForACursorThisApiDidNotIssue() {
        String nul = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'a', 0});
        String overlong = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xC0, (byte) 0xAF});
        for (String bad : new String[] {"!!!", "%00", nul, overlong, "a"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.decode(bad), bad);
            assertEquals("cursor", e.errors().get(0).parameter());
        }
    }

    @Property
    void shouldReadBackEveryCursorItIssued(@ForAll String key) {
        if (key.isEmpty() || io.aigw.kit.json.TextRules.problem(key) != null) {
            return;
        }
        assertEquals(key, Paging.decode(Paging.encode(key)));
    }
}
