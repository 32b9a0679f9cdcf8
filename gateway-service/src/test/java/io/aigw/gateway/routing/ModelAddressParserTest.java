package io.aigw.gateway.routing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.support.TestCatalog;
import org.junit.jupiter.api.Test;

class ModelAddressParserTest {

    private final RoutingSnapshot catalog = TestCatalog.snapshot();

    private ModelAddress parse(String address) {
        return ModelAddressParser.parse(address, catalog, "model");
    }

    private GatewayException rejection(String address) {
        return assertThrows(GatewayException.class, () -> parse(address));
    }

    @Test
    void shouldSplitOnTheFirstColonOnlyAndKeepFurtherColonsInTheModelId() {
        ModelAddress a = parse("openrouter:google/gemma-3-27b-it:free");
        assertThat(a.provider().id(), equalTo("openrouter"));
        assertThat(a.modelId(), equalTo("google/gemma-3-27b-it:free"));
        assertThat(a.passThrough(), is(false));
    }

    @Test
    void shouldPassThroughAProviderQualifiedModelThatTheCatalogDoesNotList() {
        ModelAddress a = parse("ollama:qwen2.5:7b-instruct");
        assertThat(a.provider().id(), equalTo("ollama"));
        assertThat(a.upstreamModelId(), equalTo("qwen2.5:7b-instruct"));
        assertThat(a.passThrough(), is(true));
        assertThat(a.canonical(), equalTo("ollama:qwen2.5:7b-instruct"));
    }

    @Test
    void shouldResolveABareIdCaseInsensitivelyToItsDefaultProviderAndProviderModelId() {
        ModelAddress a = parse("GPT-4o");
        assertThat(a.canonical(), equalTo("openai:gpt-4o"));
        assertThat(a.upstreamModelId(), equalTo("gpt-4o-2024-08-06"));
    }

    @Test
    void shouldResolveAnAliasAsABareId() {
        assertThat(parse("gpt-4o-latest").canonical(), equalTo("openai:gpt-4o"));
    }

    @Test
    void shouldResolveABareIdThatContainsAColon() {
        assertThat(parse("llama3.2:1b").canonical(), equalTo("ollama:llama3.2:1b"));
    }

    @Test
    void shouldRejectABareSlashIdWithADidYouMeanSuggestion() {
        GatewayException e = rejection("anthropic/claude-3.5-sonnet");
        assertThat(e.code(), equalTo(ErrorCode.UNKNOWN_MODEL));
        assertThat(e.status(), equalTo(400));
        assertThat(e.getMessage(), containsString("did you mean \"openrouter:anthropic/claude-3.5-sonnet\"?"));
        assertThat(e.param(), equalTo("model"));
    }

    @Test
    void shouldSuggestOpenRouterForASlashIdThatNoCatalogLists() {
        assertThat(rejection("meta-llama/llama-3.1-8b-instruct").getMessage(),
                containsString("did you mean \"openrouter:meta-llama/llama-3.1-8b-instruct\"?"));
    }

    @Test
    void shouldAnswerUnknownProviderForAnUnknownPrefix() {
        assertThat(rejection("acme:some-model").code(), equalTo(ErrorCode.UNKNOWN_PROVIDER));
    }

    @Test
    void shouldAnswerUnknownModelForAnUnknownBareId() {
        assertThat(rejection("gpt-9").code(), equalTo(ErrorCode.UNKNOWN_MODEL));
    }

    @Test
    void shouldRefusePassThroughWhereTheProviderDoesNotAllowIt() {
        assertThat(rejection("strict:other-model").code(), equalTo(ErrorCode.UNKNOWN_MODEL));
        assertThat(parse("strict:only-model").canonical(), equalTo("strict:only-model"));
    }

    @Test
    void shouldRejectEmptyBlankAndMalformedAddresses() {
        for (String bad : new String[] {"", "   ", "gpt 4o", "openai:", null, "x".repeat(513)}) {
            assertThat(String.valueOf(bad), rejection(bad).code(), equalTo(ErrorCode.INVALID_MODEL_ADDRESS));
        }
    }

    @Test
    void shouldTreatALeadingColonAsAnUnknownProvider() {
        assertThat(rejection(":gpt-4o").code(), equalTo(ErrorCode.UNKNOWN_PROVIDER));
    }

    @Test
    void shouldAcceptAProviderPrefixInAnyCase() {
        assertThat(parse("OpenAI:gpt-4o").canonical(), equalTo("openai:gpt-4o"));
    }
}
