package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Anthropic Java SDK on `/v1/messages` with an `openrouter:` model: OpenRouter serves only
 * chat-completions, so the gateway translates the request, the answer and the stream.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AnthropicSdkToChatProviderTest {

    static final String MODEL = "openrouter:anthropic/claude-3.5-sonnet";
    static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private AnthropicClient client() {
        return AnthropicOkHttpClient.builder().baseUrl(gateway.toString().replaceAll("/$", ""))
                .apiKey(TestKeys.ALLOW_ALL).maxRetries(0).build();
    }

    private static Tool weatherTool() {
        return Tool.builder().name("get_weather").description("Weather of a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .required(List.of("city")).build())
                .build();
    }

    private static JsonNode upstreamBody() {
        List<SimulatorClient.Recorded> received = SimulatorClient.received("/api/v1/chat/completions");
        assertThat(received.size(), equalTo(1));
        return received.get(0).json();
    }

    @Test
    void shouldAnswerAMessageFromAChatCompletionsProvider() {
        Message message = client().messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(256)
                .system("Be brief.").stopSequences(List.of("END")).addUserMessage("Hello there").build());

        assertThat(message.content().get(0).text().orElseThrow().text(), equalTo(SENTENCE));
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.END_TURN));
        assertThat(message.model().asString(), equalTo("anthropic/claude-3.5-sonnet"));
        assertThat(message.usage().outputTokens(), equalTo(8L));
        assertThat(message.usage().inputTokens(), equalTo((long) ("Be brief.Hello there".length() / 4 + 1)));
        JsonNode upstream = upstreamBody();
        assertThat(upstream.path("model").asText(), equalTo("anthropic/claude-3.5-sonnet"));
        assertThat(upstream.at("/messages/0/role").asText(), equalTo("system"));
        assertThat(upstream.at("/messages/0/content").asText(), equalTo("Be brief."));
        assertThat(upstream.at("/messages/1/role").asText(), equalTo("user"));
        assertThat(upstream.at("/stop/0").asText(), equalTo("END"));
        assertThat(upstream.path("max_tokens").asInt(), equalTo(256));
    }

    @Test
    void shouldStreamAMessageFromChatCompletionChunks() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client().messages().createStreaming(
                MessageCreateParams.builder().model(MODEL).maxTokens(256).addUserMessage("Hello!").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertThat(message.content().get(0).text().orElseThrow().text(), equalTo(SENTENCE));
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.END_TURN));
        assertThat(message.usage().outputTokens(), equalTo(8L));
        assertThat(upstreamBody().at("/stream_options/include_usage").asBoolean(), equalTo(true));
    }

    @Test
    void shouldTranslateToolsAToolUseAndItsResult() {
        MessageCreateParams ask = MessageCreateParams.builder().model(MODEL).maxTokens(256).addTool(weatherTool())
                .toolChoice(ToolChoice.ofTool("get_weather")).addUserMessage("Weather in Paris?").build();
        Message message = client().messages().create(ask);

        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.TOOL_USE));
        ToolUseBlock call = message.content().get(0).toolUse().orElseThrow();
        assertThat(call.name(), equalTo("get_weather"));
        assertThat(call._input().toString(), containsString("city"));
        JsonNode upstream = upstreamBody();
        assertThat(upstream.at("/tools/0/type").asText(), equalTo("function"));
        assertThat(upstream.at("/tools/0/function/parameters/required/0").asText(), equalTo("city"));
        assertThat(upstream.at("/tool_choice/function/name").asText(), equalTo("get_weather"));

        SimulatorClient.clear();
        client().messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(256).addTool(weatherTool())
                .addUserMessage("Weather in Paris?")
                .addAssistantMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                        .id(call.id()).name(call.name()).input(ToolUseBlockParam.Input.builder()
                                .putAdditionalProperty("city", JsonValue.from("Paris")).build()).build())))
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(call.id()).content("18 degrees").build())))
                .build());
        JsonNode turns = upstreamBody().path("messages");
        assertThat(turns.at("/1/tool_calls/0/id").asText(), equalTo(call.id()));
        assertThat(turns.at("/1/tool_calls/0/function/name").asText(), equalTo("get_weather"));
        assertThat(turns.at("/2/role").asText(), equalTo("tool"));
        assertThat(turns.at("/2/tool_call_id").asText(), equalTo(call.id()));
        assertThat(turns.at("/2/content").asText(), equalTo("18 degrees"));
    }

    @Test
    void shouldStreamAToolUseWithItsInputAsJsonDeltas() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client().messages().createStreaming(
                MessageCreateParams.builder().model(MODEL).maxTokens(256).addTool(weatherTool())
                        .toolChoice(ToolChoice.ofTool("get_weather")).addUserMessage("Weather in Paris?").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.TOOL_USE));
        ToolUseBlock call = message.content().get(0).toolUse().orElseThrow();
        assertThat(call.name(), equalTo("get_weather"));
        assertThat(call._input().toString(), containsString("city"));
        assertThat(message.usage().outputTokens(), greaterThan(0L));
    }

    @Test
    void shouldRaiseTheSdksErrorsForUpstreamFailuresInAnthropicsEnvelope() {
        BadRequestException rejected = assertThrows(BadRequestException.class, () -> client().messages().create(
                MessageCreateParams.builder().model(MODEL + "@status=400").maxTokens(64).addUserMessage("hi").build()));
        assertThat(rejected.getMessage(), startsWith("400"));
        assertThat(rejected.getMessage(), containsString("openrouter"));
        assertThrows(RateLimitException.class, () -> client().messages().create(
                MessageCreateParams.builder().model(MODEL + "@status=429").maxTokens(64).addUserMessage("hi").build()));
    }
}
