package io.aigw.gateway.sdk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Tool;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Google Gen AI Java SDK (`com.google.genai:google-genai`) against the gateway's Gemini surface, with models
 * of an OpenAI-format provider and of Anthropic: the gateway translates request, answer and stream.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GoogleGenAiSdkTest {

    static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private Client client() {
        return Client.builder().apiKey(TestKeys.ALLOW_ALL)
                .httpOptions(HttpOptions.builder().baseUrl(gateway.toString()).apiVersion("v1beta").build()).build();
    }

    @ParameterizedTest
    @CsvSource({"openai:gpt-4o,/v1/chat/completions", "anthropic:claude-sonnet-4-5,/v1/messages"})
    void shouldGenerateContentThroughATranslation(String model, String path) {
        GenerateContentResponse response = client().models.generateContent(model, "Hello there",
                GenerateContentConfig.builder().systemInstruction(Content.fromParts(Part.fromText("Be brief.")))
                        .maxOutputTokens(200).build());
        assertThat(response.text(), equalTo(SENTENCE));
        assertThat(response.finishReason().toString(), equalTo("STOP"));
        assertThat(response.usageMetadata().orElseThrow().candidatesTokenCount().orElseThrow(), equalTo(8));
        assertThat(SimulatorClient.received(path).size(), equalTo(1));
        assertThat(SimulatorClient.received(path).get(0).body().contains("Be brief."), equalTo(true));
    }

    @ParameterizedTest
    @CsvSource({"openai:gpt-4o", "anthropic:claude-sonnet-4-5"})
    void shouldStreamGenerateContentThroughATranslation(String model) {
        StringBuilder text = new StringBuilder();
        GenerateContentResponse last = null;
        try (ResponseStream<GenerateContentResponse> stream = client().models.generateContentStream(model, "Hello!", null)) {
            for (GenerateContentResponse chunk : stream) {
                text.append(chunk.text() == null ? "" : chunk.text());
                last = chunk;
            }
        }
        assertThat(text.toString(), equalTo(SENTENCE));
        assertThat(last.usageMetadata().orElseThrow().candidatesTokenCount().orElseThrow(), equalTo(8));
    }

    @ParameterizedTest
    @CsvSource({"openai:gpt-4o@tool=1", "anthropic:claude-sonnet-4-5@tool=1"})
    void shouldCallAFunctionThroughATranslation(String model) {
        Tool tool = Tool.builder().functionDeclarations(FunctionDeclaration.builder().name("get_weather")
                .description("Weather of a city").parametersJsonSchema(Map.of("type", "object", "properties",
                        Map.of("city", Map.of("type", "string")), "required", List.of("city"))).build()).build();
        GenerateContentResponse response = client().models.generateContent(model, "Weather in Paris?",
                GenerateContentConfig.builder().tools(tool).build());
        FunctionCall call = response.functionCalls().get(0);
        assertThat(call.name().orElseThrow(), equalTo("get_weather"));
        assertThat(String.valueOf(call.args().orElseThrow().get("city")), startsWith("simulated"));
    }
}
