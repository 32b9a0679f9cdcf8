package io.aigw.gateway.routing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.support.TestCatalog;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/** Property-based checks of SPEC §1.2 over generated addresses. */
class ModelAddressPropertiesTest {

    private static final RoutingSnapshot CATALOG = TestCatalog.snapshot();
    private static final Pattern SUGGESTION = Pattern.compile("did you mean \"([^\"]+)\"\\?");

    @Property
    void qualifiedAddressesKeepEverythingAfterTheFirstColonAsTheModelId(
            @ForAll("passThroughProviders") String provider, @ForAll("modelIds") String modelId) {
        ModelAddress address = ModelAddressParser.parse(provider + ":" + modelId, CATALOG, "model");

        assertThat(address.provider().id(), equalTo(provider));
        if (address.passThrough()) {
            assertThat(address.upstreamModelId(), equalTo(modelId));
            assertThat(address.canonical(), equalTo(provider + ":" + modelId));
        } else {
            assertThat(address.model().providerId(), equalTo(provider));
        }
    }

    @Property
    void bareIdsResolveTheSameWhateverTheirCase(@ForAll("bareIdsInAnyCase") String[] pair) {
        ModelAddress original = ModelAddressParser.parse(pair[0], CATALOG, "model");
        ModelAddress flipped = ModelAddressParser.parse(pair[1], CATALOG, "model");

        assertThat(flipped.canonical(), equalTo(original.canonical()));
        assertThat(flipped.upstreamModelId(), equalTo(original.upstreamModelId()));
    }

    @Property
    void addressesWithWhitespaceOrControlCharactersAreInvalid(@ForAll("modelIds") String left,
            @ForAll("blanks") char blank, @ForAll("modelIds") String right) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> ModelAddressParser.parse(left + blank + right, CATALOG, "model"));

        assertThat(e.code(), equalTo(ErrorCode.INVALID_MODEL_ADDRESS));
    }

    @Property
    void unknownPrefixesAnswerUnknownProvider(@ForAll("providerLikeIds") String prefix, @ForAll("modelIds") String modelId) {
        Assume.that(CATALOG.provider(prefix) == null);

        GatewayException e = assertThrows(GatewayException.class,
                () -> ModelAddressParser.parse(prefix + ":" + modelId, CATALOG, "model"));

        assertThat(e.code(), equalTo(ErrorCode.UNKNOWN_PROVIDER));
        assertThat(e.status(), equalTo(400));
    }

    @Property
    void bareSlashIdsAreRejectedWithASuggestionThatItselfResolves(@ForAll("providerLikeIds") String vendor,
            @ForAll("providerLikeIds") String name) {
        String id = vendor + "/" + name;

        GatewayException e = assertThrows(GatewayException.class,
                () -> ModelAddressParser.parse(id, CATALOG, "model"));

        assertThat(e.code(), equalTo(ErrorCode.UNKNOWN_MODEL));
        Matcher m = SUGGESTION.matcher(e.getMessage());
        assertThat(e.getMessage(), m.find(), is(true));
        assertThat(ModelAddressParser.parse(m.group(1), CATALOG, "model").canonical(),
                anyOf(endsWith(id), endsWith(":" + name)));
    }

    @Property
    void anyStringEitherResolvesOrFailsWithAnAddressError(@ForAll("anyAddresses") String text) {
        try {
            ModelAddress address = ModelAddressParser.parse(text, CATALOG, "model");
            assertThat(address.provider(), notNullValue());
            assertThat(ModelAddressParser.parse(address.canonical(), CATALOG, "model").canonical(),
                    equalTo(address.canonical()));
        } catch (GatewayException e) {
            assertThat(e.code(), is(in(EnumSet.of(ErrorCode.INVALID_MODEL_ADDRESS, ErrorCode.UNKNOWN_MODEL,
                    ErrorCode.UNKNOWN_PROVIDER))));
            assertThat(e.status(), equalTo(400));
        }
    }

    @Provide
    Arbitrary<String> passThroughProviders() {
        return Arbitraries.of("openai", "openrouter", "ollama", "anthropic");
    }

    @Provide
    Arbitrary<String> modelIds() {
        return Arbitraries.strings().withChars("abcXYZ0123456789:/._-").ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> providerLikeIds() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Character> blanks() {
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u0000', '\u000b', '\u2003');
    }

    @Provide
    Arbitrary<String[]> bareIdsInAnyCase() {
        Arbitrary<String> ids = Arbitraries.of("gpt-4o", "gpt-4o-latest", "claude-sonnet-4-5", "llama3.2:1b",
                "text-embedding-3-small");
        return Combinators.combine(ids, Arbitraries.longs()).as((id, seed) -> new String[] {id, flipCase(id, seed)});
    }

    @Provide
    Arbitrary<String> anyAddresses() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("opnairuetlm:/-.GPT4 ").ofMaxLength(30),
                Combinators.combine(Arbitraries.of("openai", "openrouter", "acme", "gpt-4o", "anthropic", ""),
                        Arbitraries.of(":", "/", "::", ""), modelIds()).as((a, b, c) -> a + b + c));
    }

    private static String flipCase(String id, long seed) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            sb.append(((seed >> (i % 63)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
