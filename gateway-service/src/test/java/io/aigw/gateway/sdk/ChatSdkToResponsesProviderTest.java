package io.aigw.gateway.sdk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
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
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK's chat-completions and the Anthropic Java SDK's messages with a model whose provider
 * serves only the OpenAI Responses API (`responder:o1-pro`): the gateway translates request, answer and stream.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ChatSdkToResponsesProviderTest {

    static final String MODEL = "responder:o1-pro";
    static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.toString() + "v1").apiKey(TestKeys.ALLOW_ALL).maxRetries(0).build();
    }

    private AnthropicClient anthropic() {
        return AnthropicOkHttpClient.builder().baseUrl(gateway.toString().replaceAll("/$", ""))
                .apiKey(TestKeys.ALLOW_ALL).maxRetries(0).build();
    }

    private static JsonNode upstream() {
        List<SimulatorClient.Recorded> received = SimulatorClient.received("/v1/responses");
        assertThat(received.size(), equalTo(1));
        return received.get(0).json();
    }

    private static ChatCompletionCreateParams.Builder weather(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Weather in Paris?")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build()).build())
                .toolChoice(ChatCompletionNamedToolChoice.builder().function(
                        ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build()).build());
    }

    @Test
    void shouldAnswerAChatCompletionFromAResponsesOnlyProvider() {
        ChatCompletion completion = openAi().chat().completions().create(ChatCompletionCreateParams.builder().model(MODEL)
                .addSystemMessage("Be brief.").addUserMessage("Hello there").maxCompletionTokens(256).build());

        assertThat(completion.choices().get(0).message().content().orElseThrow(), equalTo(SENTENCE));
        assertThat(completion.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.STOP));
        assertThat(completion.usage().orElseThrow().completionTokens(), equalTo(8L));
        assertThat(completion.model(), equalTo("o1-pro"));
        JsonNode sent = upstream();
        assertThat(sent.path("model").asText(), equalTo("o1-pro"));
        assertThat(sent.path("instructions").asText(), equalTo("Be brief."));
        assertThat(sent.at("/input/0/role").asText() + sent.at("/input/0/content").asText(), equalTo("userHello there"));
        assertThat(sent.path("max_output_tokens").asInt(), equalTo(256));
        assertThat(sent.path("store").asBoolean(true), equalTo(false));
    }

    @Test
    void shouldNameTheStopSequencesResponsesCannotTakeAndCutTheAnswerAtItsLength() {
        String body = given().header("Authorization", "Bearer " + TestKeys.ALLOW_ALL).contentType("application/json")
                .body("{\"model\":\"" + MODEL + "\",\"max_tokens\":3,\"stop\":[\"END\"],\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.DROPPED_FIELDS, "stop").header(GatewayHeaders.MODEL, MODEL)
                .extract().asString();
        assertThat(body, containsString("\"finish_reason\":\"length\""));
        assertThat(upstream().has("stop"), equalTo(false));
    }

    @Test
    void shouldStreamChatChunksWithTheUsageChunkWhenAsked() {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions()
                .createStreaming(ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("Hello!")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }
        ChatCompletion turn = accumulator.chatCompletion();
        assertThat(turn.choices().get(0).message().content().orElseThrow(), equalTo(SENTENCE));
        assertThat(turn.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.STOP));
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens(), equalTo(8L));
        assertThat(upstream().path("stream").asBoolean(), equalTo(true));
    }

    @Test
    void shouldTranslateAFunctionCallPlainAndStreamed() {
        ChatCompletion completion = openAi().chat().completions().create(weather(MODEL).build());
        ChatCompletionMessageToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow().get(0);
        assertThat(call.asFunction().function().name(), equalTo("get_weather"));
        assertThat(call.asFunction().function().arguments(), containsString("city"));
        assertThat(completion.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS));
        JsonNode sent = upstream();
        assertThat(sent.at("/tools/0/name").asText() + sent.at("/tool_choice/name").asText(), equalTo("get_weatherget_weather"));

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions()
                .createStreaming(weather(MODEL + "@chunks=4").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion streamed = accumulator.chatCompletion();
        ChatCompletionMessageToolCall streamedCall = streamed.choices().get(0).message().toolCalls().orElseThrow().get(0);
        assertThat(streamedCall.asFunction().function().arguments(), equalTo(call.asFunction().function().arguments()));
        assertThat(streamed.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS));
    }

    @Test
    void shouldAnswerTheProvidersRefusalInTheChatEnvelope() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> openAi().chat().completions()
                .create(ChatCompletionCreateParams.builder().model(MODEL + "@status=400").addUserMessage("Hi").build()));
        assertThat(e.getMessage(), containsString("rejected the request"));
    }

    @Test
    void shouldEndAChatStreamWithAnErrorEventWhenTheProviderFailsMidStream() {
        String body = given().header("Authorization", "Bearer " + TestKeys.ALLOW_ALL).contentType("application/json")
                .body("{\"model\":\"" + MODEL + "@error-in-stream=3\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(body, containsString("\"content\":\"Hello!\""));
        assertThat(body, containsString("failed during the stream"));
        assertThat(body.contains("[DONE]"), equalTo(false));
    }

    @Test
    void shouldAnswerAndStreamAnAnthropicMessageFromAResponsesOnlyProvider() {
        Message message = anthropic().messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(256)
                .system("Be brief.").addUserMessage("Hello there").build());
        assertThat(message.content().get(0).text().orElseThrow().text(), equalTo(SENTENCE));
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.END_TURN));
        assertThat(message.usage().outputTokens(), equalTo(8L));
        assertThat(upstream().path("instructions").asText(), equalTo("Be brief."));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(
                MessageCreateParams.builder().model(MODEL).maxTokens(256).addUserMessage("Hello!").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message streamed = accumulator.message();
        assertThat(streamed.content().get(0).text().orElseThrow().text(), equalTo(SENTENCE));
        assertThat(streamed.usage().outputTokens(), equalTo(8L));
    }

    @Test
    void shouldAnswerAndStreamGeminiGenerateContentFromAResponsesOnlyProvider() throws Exception {
        String hello = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello there\"}]}],"
                + "\"generationConfig\":{\"stopSequences\":[\"END\"]}}";
        given().header("x-goog-api-key", TestKeys.ALLOW_ALL).contentType("application/json").body(hello)
                .when().post("/v1beta/models/" + MODEL + ":generateContent").then().statusCode(200)
                .header(GatewayHeaders.DROPPED_FIELDS, "generationConfig.stopSequences")
                .body("candidates[0].content.parts[0].text", org.hamcrest.Matchers.equalTo(SENTENCE))
                .body("candidates[0].finishReason", org.hamcrest.Matchers.equalTo("STOP"));

        String array = given().header("x-goog-api-key", TestKeys.ALLOW_ALL).contentType("application/json").body(hello)
                .when().post("/v1beta/models/" + MODEL + ":streamGenerateContent").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json")).extract().asString();
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : new com.fasterxml.jackson.databind.ObjectMapper().readTree(array)) {
            text.append(chunk.at("/candidates/0/content/parts/0/text").asText(""));
        }
        assertThat(text.toString(), equalTo(SENTENCE));
    }
}
