package io.aigw.gateway.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AccessKeyTokenTest {

    @Test
    void shouldSplitATokenIntoPublicIdAndSecret() {
        AccessKeyToken token = AccessKeyToken.parse("ag-7h3k2m9q-g1-Xb8_-g1-rest");
        assertThat(token.publicId(), equalTo("7h3k2m9q"));
        assertThat(token.secret(), equalTo("Xb8_-g1-rest"));
    }

    @Test
    void shouldRejectMalformedTokens() {
        for (String bad : new String[] {null, "", "sk-abc", "ag--g1-secret", "ag-abc-g1-", "ag-ABC-g1-secret",
                "ag-abc-g2-secret", "ag-abc-g1-sec ret", "aga-abc-g1-secret"}) {
            assertThat(String.valueOf(bad), AccessKeyToken.parse(bad), nullValue());
        }
    }

    @Property
    void anyWellFormedTokenRoundTrips(@ForAll @StringLength(min = 1, max = 20) @AlphaChars @NumericChars String id,
            @ForAll @StringLength(min = 1, max = 60) @AlphaChars @NumericChars String secret) {
        String publicId = id.toLowerCase();
        AccessKeyToken token = AccessKeyToken.parse("ag-" + publicId + "-g1-" + secret);
        assertThat(token.publicId(), equalTo(publicId));
        assertThat(token.secret(), equalTo(secret));
    }

    @Test
    void shouldNeverPrintTheSecret() {
        assertThat(AccessKeyToken.parse("ag-abc-g1-topsecret").toString().contains("topsecret"), equalTo(false));
    }
}
