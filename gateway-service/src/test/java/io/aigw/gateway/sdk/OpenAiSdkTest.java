package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, unchanged but for its base URL and key, against the gateway. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenAiSdkTest {

    @TestHTTPResource("/v1")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.toString()).apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello!").build();
    }

    @Test
    void shouldCreateAChatCompletionThroughTheGateway() {
        ChatCompletion completion = client(TestKeys.ALLOW_ALL).chat().completions().create(chat("gpt-4o"));
        assertThat(completion.model(), equalTo("gpt-4o-2024-08-06"));
        assertThat(completion.choices().get(0).message().content().orElse(""), startsWith("Hello!"));
        assertThat(completion.usage().orElseThrow().completionTokens(), equalTo(8L));
    }

    @Test
    void shouldStreamAChatCompletionThroughTheGateway() {
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> usageChunks = new ArrayList<>();
        ChatCompletionCreateParams params = chat("gpt-4o").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> stream = client(TestKeys.ALLOW_ALL).chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(c -> text.append(c.delta().content().orElse("")));
                if (chunk.usage().isPresent()) {
                    usageChunks.add(chunk);
                }
            });
        }
        assertThat(text.toString(), equalTo("Hello! This is the AIGW provider simulator speaking."));
        assertThat(usageChunks.get(usageChunks.size() - 1).usage().orElseThrow().completionTokens(), equalTo(8L));
    }

    @Test
    void shouldListTheModelsOfTheKeysScope() {
        List<String> all = client(TestKeys.ALLOW_ALL).models().list().data().stream().map(Model::id).toList();
        assertThat(all, hasItem("openai:gpt-4o"));
        assertThat(all, hasItem("openrouter:anthropic/claude-3.5-sonnet"));
        List<String> scoped = client(TestKeys.SCOPED).models().list().data().stream().map(Model::id).toList();
        assertThat(scoped, hasItem("openai:gpt-4o"));
        assertThat(scoped, not(hasItem("openrouter:anthropic/claude-3.5-sonnet")));
    }

    @Test
    void shouldRaiseTheSdksExceptionTypesWithTheGatewaysCodes() {
        UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class,
                () -> client("ag-nobody00-g1-wrongsecretwrongsecret").chat().completions().create(chat("gpt-4o")));
        assertThat(unauthorized.code().orElse(""), equalTo("authentication_failed"));

        BadRequestException unknown = assertThrows(BadRequestException.class,
                () -> client(TestKeys.ALLOW_ALL).chat().completions().create(chat("anthropic/claude-3.5-sonnet")));
        assertThat(unknown.code().orElse(""), equalTo("unknown_model"));
        assertThat(unknown.param().orElse(""), equalTo("model"));
        assertThat(unknown.getMessage(), containsString("openrouter:anthropic/claude-3.5-sonnet"));

        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> client(TestKeys.SCOPED).chat().completions().create(chat("openrouter:anthropic/claude-3.5-sonnet")));
        assertThat(denied.code().orElse(""), equalTo("provider_not_allowed"));

        RateLimitException limited = assertThrows(RateLimitException.class,
                () -> client(TestKeys.ALLOW_ALL).chat().completions().create(chat("backup:busy@status=429")));
        assertThat(limited.code().orElse(""), equalTo("upstream_rate_limited"));
    }

    @Test
    void shouldReachAnAnthropicModelFromTheOpenAiSdk() {
        ChatCompletion completion = client(TestKeys.ALLOW_ALL).chat().completions().create(chat("anthropic:claude-sonnet-4-5"));
        assertThat(completion.model(), equalTo("claude-sonnet-4-5-20250929"));
        assertThat(completion.choices().get(0).message().content().orElse(""), startsWith("Hello!"));
        assertThat(completion.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.STOP));
        assertThat(completion.usage().orElseThrow().completionTokens(), equalTo(8L));

        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client(TestKeys.ALLOW_ALL).chat().completions()
                .createStreaming(chat("anthropic:claude-sonnet-4-5"))) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> text.append(c.delta().content().orElse(""))));
        }
        assertThat(text.toString(), equalTo("Hello! This is the AIGW provider simulator speaking."));
    }
}
