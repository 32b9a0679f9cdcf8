package io.aigw.gateway.routing;

import io.aigw.gateway.error.ErrorFormat;

/** A client-facing API surface, named as in the catalog (`openai/chat-completions`). */
public enum Surface {
    CHAT_COMPLETIONS("openai/chat-completions", "/chat/completions", ErrorFormat.OPENAI, true),
    COMPLETIONS("openai/completions", "/completions", ErrorFormat.OPENAI, true),
    RESPONSES("openai/responses", "/responses", ErrorFormat.OPENAI, true),
    EMBEDDINGS("openai/embeddings", "/embeddings", ErrorFormat.OPENAI, false),
    MESSAGES("anthropic/messages", "/messages", ErrorFormat.ANTHROPIC, true),
    /**
     * Gemini `models/{model}:generateContent` / `:streamGenerateContent`: the model and streaming go in the URL
     * ({@link UpstreamTarget#geminiUri}), not in the body.
     */
    GENERATE_CONTENT("google/generate-content", "/models", ErrorFormat.GOOGLE, true);

    private final String id;
    private final String path;
    private final ErrorFormat errorFormat;
    private final boolean streamable;

    Surface(String id, String path, ErrorFormat errorFormat, boolean streamable) {
        this.id = id;
        this.path = path;
        this.errorFormat = errorFormat;
        this.streamable = streamable;
    }

    /** The catalog's name for it. */
    public String id() {
        return id;
    }

    /** The path appended to a provider's base URL. */
    public String path() {
        return path;
    }

    public ErrorFormat errorFormat() {
        return errorFormat;
    }

    public boolean streamable() {
        return streamable;
    }

    /**
     * The provider surfaces a request on this client surface can be translated to, in order of preference
     * (package `translate`): used only for a model that does not serve this surface itself.
     */
    public java.util.List<Surface> translatedTo() {
        return switch (this) {
            case CHAT_COMPLETIONS -> java.util.List.of(MESSAGES, RESPONSES, GENERATE_CONTENT);
            case MESSAGES -> java.util.List.of(CHAT_COMPLETIONS, RESPONSES, GENERATE_CONTENT);
            case RESPONSES -> java.util.List.of(CHAT_COMPLETIONS, MESSAGES, GENERATE_CONTENT);
            case GENERATE_CONTENT -> java.util.List.of(CHAT_COMPLETIONS, MESSAGES, RESPONSES);
            default -> java.util.List.of();
        };
    }

    /** Whether providers are called on it: every surface is, Gemini's included. */
    public boolean callable() {
        return true;
    }

    /** The surface with this catalog name, or null when the gateway does not know it. */
    public static Surface fromId(String id) {
        for (Surface s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }
}
