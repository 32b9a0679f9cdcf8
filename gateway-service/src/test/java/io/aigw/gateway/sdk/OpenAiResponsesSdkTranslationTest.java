package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ToolChoiceFunction;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK's Responses API on `/v1/responses` with models whose providers do not serve it:
 * OpenRouter (chat-completions only) and Anthropic (messages only). The gateway translates request, answer and stream.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenAiResponsesSdkTranslationTest {

    static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    @TestHTTPResource("/v1")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.toString()).apiKey(TestKeys.ALLOW_ALL).maxRetries(0).build();
    }

    private static FunctionTool weatherTool() {
        return FunctionTool.builder().name("get_weather").strict(false).parameters(FunctionTool.Parameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("city"))).build()).build();
    }

    private static JsonNode upstream(String path) {
        List<SimulatorClient.Recorded> received = SimulatorClient.received(path);
        assertThat(received.size(), equalTo(1));
        return received.get(0).json();
    }

    @ParameterizedTest
    @CsvSource({"openrouter:anthropic/claude-3.5-sonnet,/api/v1/chat/completions", "anthropic:claude-sonnet-4-5,/v1/messages"})
    void shouldAnswerAResponseFromAProviderWithoutTheResponsesApi(String model, String path) {
        Response response = client().responses().create(ResponseCreateParams.builder().model(model)
                .instructions("Be brief.").input("Hello there").maxOutputTokens(256).build());

        assertThat(response.status().orElseThrow(), equalTo(ResponseStatus.COMPLETED));
        assertThat(response.output().get(0).asMessage().content().get(0).asOutputText().text(), equalTo(SENTENCE));
        assertThat(response.usage().orElseThrow().outputTokens(), equalTo(8L));
        assertThat(response.usage().orElseThrow().inputTokens(), equalTo((long) ("Be brief.Hello there".length() / 4 + 1)));
        JsonNode sent = upstream(path);
        assertThat(sent.toString(), containsString("Be brief."));
        assertThat(sent.toString(), containsString("Hello there"));
        assertThat(sent.path("max_tokens").asInt(), equalTo(256));
    }

    @ParameterizedTest
    @CsvSource({"openrouter:anthropic/claude-3.5-sonnet", "anthropic:claude-sonnet-4-5"})
    void shouldStreamResponseEventsFromAProviderWithoutTheResponsesApi(String model) {
        List<String> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Response[] completed = new Response[1];
        try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(
                ResponseCreateParams.builder().model(model).input("Hello!").build())) {
            stream.stream().forEach(event -> {
                event.outputTextDelta().ifPresent(d -> text.append(d.delta()));
                event.completed().ifPresent(c -> completed[0] = c.response());
                types.add(event.isCreated() ? "created" : event.isCompleted() ? "completed" : "other");
            });
        }
        assertThat(text.toString(), equalTo(SENTENCE));
        assertThat(types.get(0), equalTo("created"));
        assertThat(types.get(types.size() - 1), equalTo("completed"));
        assertThat(completed[0].usage().orElseThrow().outputTokens(), equalTo(8L));
        assertThat(completed[0].output().get(0).asMessage().content().get(0).asOutputText().text(), equalTo(SENTENCE));
    }

    @ParameterizedTest
    @CsvSource({"openrouter:anthropic/claude-3.5-sonnet,/api/v1/chat/completions", "anthropic:claude-sonnet-4-5,/v1/messages"})
    void shouldTranslateFunctionToolsCallsAndOutputs(String model, String path) {
        ResponseCreateParams ask = ResponseCreateParams.builder().model(model).input("Weather in Paris?")
                .addTool(weatherTool()).toolChoice(ToolChoiceFunction.builder().name("get_weather").build()).build();
        Response response = client().responses().create(ask);
        ResponseFunctionToolCall call = response.output().get(0).asFunctionCall();
        assertThat(call.name(), equalTo("get_weather"));
        assertThat(call.arguments(), containsString("city"));

        SimulatorClient.clear();
        List<ResponseInputItem> turns = List.of(
                ResponseInputItem.ofMessage(ResponseInputItem.Message.builder().role(ResponseInputItem.Message.Role.USER)
                        .addInputTextContent("Weather in Paris?").build()),
                ResponseInputItem.ofFunctionCall(call),
                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId()).output("18 degrees").build()));
        client().responses().create(ResponseCreateParams.builder().model(model).inputOfResponse(turns)
                .addTool(weatherTool()).build());
        String sent = upstream(path).toString();
        assertThat(sent, containsString(call.callId()));
        assertThat(sent, containsString("18 degrees"));
    }

    @ParameterizedTest
    @CsvSource({"openrouter:anthropic/claude-3.5-sonnet", "anthropic:claude-sonnet-4-5"})
    void shouldStreamAFunctionCallsArguments(String model) {
        StringBuilder arguments = new StringBuilder();
        Response[] completed = new Response[1];
        try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(
                ResponseCreateParams.builder().model(model).input("Weather in Paris?").addTool(weatherTool())
                        .toolChoice(ToolChoiceFunction.builder().name("get_weather").build()).build())) {
            stream.stream().forEach(event -> {
                event.functionCallArgumentsDelta().ifPresent(d -> arguments.append(d.delta()));
                event.completed().ifPresent(c -> completed[0] = c.response());
            });
        }
        ResponseFunctionToolCall call = completed[0].output().get(0).asFunctionCall();
        assertThat(call.name(), equalTo("get_weather"));
        assertThat(call.arguments(), equalTo(arguments.toString()));
        assertThat(call.arguments(), containsString("city"));
    }

    @Test
    void shouldLeaveANativeResponsesAnswerToTheProvider() {
        client().responses().create(ResponseCreateParams.builder().model("openai:gpt-4o").input("Hello!").build());
        assertThat(upstream("/v1/responses").path("input").asText(), equalTo("Hello!"));
    }
}
