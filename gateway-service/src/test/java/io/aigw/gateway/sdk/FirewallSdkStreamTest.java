package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ToolChoiceFunction;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI and Anthropic Java SDKs reading streams in which the firewall (`agent-guard`, rule `no-shell`)
 * removes a forced {@code shell.exec} call whose arguments arrive in many small deltas: the SDKs parse every event,
 * their accumulators build a turn without the call, and the agent reads why in the turn's text.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class FirewallSdkStreamTest {

    private static final String WHY = "\"shell.exec\" was blocked by firewall policy \"agent-guard\" rule \"no-shell\"";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    private OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.toString() + "v1").apiKey(TestKeys.FIREWALLED).maxRetries(0).build();
    }

    private AnthropicClient anthropic() {
        return AnthropicOkHttpClient.builder().baseUrl(gateway.toString().replaceAll("/$", ""))
                .apiKey(TestKeys.FIREWALLED).maxRetries(0).build();
    }

    @Test
    void shouldGiveTheOpenAiSdkAChatStreamWithoutTheBlockedCallAndWithTheReason() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("openai:gpt-4o@chunks=8")
                .addUserMessage("list files")
                .addFunctionTool(FunctionDefinition.builder().name("shell.exec").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("cmd", Map.of("type", "string"))))
                        .build()).build())
                .toolChoice(ChatCompletionNamedToolChoice.builder().function(
                        ChatCompletionNamedToolChoice.Function.builder().name("shell.exec").build()).build())
                .build();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int[] chunks = {0};
        try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks[0]++;
                accumulator.accumulate(chunk);
            });
        }
        ChatCompletion turn = accumulator.chatCompletion();
        assertThat(chunks[0], greaterThan(1));
        assertThat(turn.choices().get(0).message().toolCalls().orElse(java.util.List.of()), empty());
        assertThat(turn.choices().get(0).message().content().orElse(""), containsString(WHY));
        assertThat(turn.choices().get(0).finishReason(), equalTo(ChatCompletion.Choice.FinishReason.STOP));
    }

    @Test
    void shouldGiveTheAnthropicSdkAMessagesStreamWithATextBlockInTheCallsPlace() {
        MessageCreateParams params = MessageCreateParams.builder().model("anthropic:claude-sonnet-4-5@chunks=8").maxTokens(256)
                .addTool(Tool.builder().name("shell.exec").inputSchema(Tool.InputSchema.builder()
                        .properties(com.anthropic.core.JsonValue.from(Map.of("cmd", Map.of("type", "string")))).build()).build())
                .toolChoice(ToolChoice.ofTool("shell.exec")).addUserMessage("list files").build();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertThat(message.content().stream().filter(b -> b.toolUse().isPresent()).count(), equalTo(0L));
        assertThat(message.content().stream().filter(b -> b.text().isPresent())
                .map(b -> b.text().orElseThrow().text()).reduce("", String::concat), containsString(WHY));
        assertThat(message.stopReason().orElseThrow(), equalTo(StopReason.END_TURN));
    }

    @Test
    void shouldGiveTheOpenAiSdkAResponsesStreamWhoseFinalOutputHoldsTheReason() {
        StringBuilder text = new StringBuilder();
        Response[] completed = new Response[1];
        try (StreamResponse<ResponseStreamEvent> stream = openAi().responses().createStreaming(
                ResponseCreateParams.builder().model("anthropic:claude-sonnet-4-5@chunks=8").input("list files")
                        .addTool(FunctionTool.builder().name("shell.exec").strict(false).parameters(FunctionTool.Parameters
                                .builder().putAdditionalProperty("type", JsonValue.from("object")).build()).build())
                        .toolChoice(ToolChoiceFunction.builder().name("shell.exec").build()).build())) {
            stream.stream().forEach(event -> {
                event.outputTextDelta().ifPresent(d -> text.append(d.delta()));
                event.completed().ifPresent(c -> completed[0] = c.response());
            });
        }
        assertThat(text.toString(), containsString(WHY));
        assertThat(completed[0].output().stream().filter(item -> item.isFunctionCall()).count(), equalTo(0L));
        assertThat(completed[0].output().stream().filter(item -> item.isMessage())
                .map(item -> item.asMessage().content().get(0).asOutputText().text()).reduce("", String::concat),
                containsString(WHY));
    }
}
