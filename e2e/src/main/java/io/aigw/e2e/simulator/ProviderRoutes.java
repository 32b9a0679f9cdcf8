package io.aigw.e2e.simulator;

import io.aigw.e2e.simulator.anthropic.AnthropicDialect;
import io.aigw.e2e.simulator.anthropic.MessagesEndpoint;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import io.aigw.e2e.simulator.gemini.GeminiDialect;
import io.aigw.e2e.simulator.gemini.GenerateContentEndpoint;
import io.aigw.e2e.simulator.openai.ChatCompletionsEndpoint;
import io.aigw.e2e.simulator.openai.CompletionsEndpoint;
import io.aigw.e2e.simulator.openai.EmbeddingsEndpoint;
import io.aigw.e2e.simulator.openai.OpenAiDialect;
import io.aigw.e2e.simulator.openai.OpenAiFlavor;
import io.aigw.e2e.simulator.openai.ResponsesEndpoint;
import io.aigw.e2e.simulator.openrouter.OpenRouterDialect;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The provider paths the simulator answers: OpenAI under {@code /v1}, Anthropic's {@code /v1/messages}, OpenRouter under
 * {@code /api/v1}, Gemini's {@code /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent}.
 */
final class ProviderRoutes {

    private final ProviderDialect openAi = new OpenAiDialect();
    private final ProviderDialect openRouter = new OpenRouterDialect();
    private final ProviderDialect anthropic = new AnthropicDialect();
    private final ProviderDialect gemini = new GeminiDialect();
    private final Route generateContent = Route.post(gemini, new GenerateContentEndpoint(), "contents");
    private final Map<String, Route> routes = new HashMap<>();
    private final Route anthropicModels = Route.get(anthropic, new ModelListEndpoint("anthropic-models.json"));

    ProviderRoutes() {
        routes.put("POST /v1/chat/completions",
                Route.post(openAi, new ChatCompletionsEndpoint(OpenAiFlavor.OPENAI), "model", "messages"));
        routes.put("POST /v1/completions", Route.post(openAi, new CompletionsEndpoint(OpenAiFlavor.OPENAI), "model"));
        routes.put("POST /v1/embeddings",
                Route.post(openAi, new EmbeddingsEndpoint(OpenAiFlavor.OPENAI), "model", "input"));
        routes.put("POST /v1/responses", Route.post(openAi, new ResponsesEndpoint(), "model"));
        routes.put("GET /v1/models", Route.get(openAi, new ModelListEndpoint("openai-models.json")));
        routes.put("POST /v1/messages",
                Route.post(anthropic, new MessagesEndpoint(), "model", "messages", "max_tokens"));
        routes.put("POST /api/v1/chat/completions",
                Route.post(openRouter, new ChatCompletionsEndpoint(OpenAiFlavor.OPENROUTER), "model", "messages"));
        routes.put("POST /api/v1/completions",
                Route.post(openRouter, new CompletionsEndpoint(OpenAiFlavor.OPENROUTER), "model"));
        routes.put("POST /api/v1/embeddings",
                Route.post(openRouter, new EmbeddingsEndpoint(OpenAiFlavor.OPENROUTER), "model", "input"));
        routes.put("GET /api/v1/models", Route.get(openRouter, new ModelListEndpoint("openrouter-models.json")));
    }

    /** The route of this request, or null; {@code GET /v1/models} with {@code anthropic-version} is Anthropic's. */
    Route find(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && path.equals("/v1/models")
                && request.getHeader("anthropic-version") != null) {
            return anthropicModels;
        }
        if (request.method() == HttpMethod.POST && GeminiDialect.PATH.matcher(path).matches()) {
            return generateContent;
        }
        return routes.get(request.method().name() + " " + path);
    }

    /** The dialect in which to refuse an unknown path. */
    ProviderDialect dialectFor(String path) {
        if (path.startsWith("/v1beta/")) {
            return gemini;
        }
        if (path.startsWith("/api/")) {
            return openRouter;
        }
        return path.startsWith("/v1/messages") ? anthropic : openAi;
    }
}
