package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK (base URL = the gateway root, key in `x-api-key`) against the gateway. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AnthropicSdkTest {

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    private AnthropicClient client(String key) {
        String root = gateway.toString().replaceAll("/$", "");
        return AnthropicOkHttpClient.builder().baseUrl(root).apiKey(key).maxRetries(0).build();
    }

    private static MessageCreateParams message(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage("Hello!").build();
    }

    @Test
    void shouldCreateAMessageThroughTheGateway() {
        Message message = client(TestKeys.ALLOW_ALL).messages().create(message("claude-sonnet-4-5"));
        assertThat(message.model().asString(), equalTo("claude-sonnet-4-5-20250929"));
        assertThat(message.content().get(0).text().orElseThrow().text(), startsWith("Hello!"));
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.END_TURN));
        assertThat(message.usage().outputTokens(), equalTo(8L));
    }

    @Test
    void shouldStreamAMessageThroughTheGateway() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client(TestKeys.ALLOW_ALL).messages()
                .createStreaming(message("anthropic:claude-sonnet-4-5"))) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertThat(message.content().get(0).text().orElseThrow().text(),
                equalTo("Hello! This is the AIGW provider simulator speaking."));
        assertThat(message.usage().outputTokens(), equalTo(8L));
    }

    @Test
    void shouldRaiseTheSdksExceptionTypesInAnthropicsEnvelope() {
        UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class,
                () -> client("ag-nobody00-g1-wrongsecretwrongsecret").messages().create(message("claude-sonnet-4-5")));
        assertThat(unauthorized.statusCode(), equalTo(401));
        BadRequestException wrongSurface = assertThrows(BadRequestException.class,
                () -> client(TestKeys.ALLOW_ALL).messages().create(message("text-embedding-3-small")));
        assertThat(wrongSurface.getMessage(), containsString("anthropic/messages"));
    }
}
