package io.aigw.catalog.common;

import java.util.Set;

/** The API surfaces a provider or model can serve (format/surface). */
public final class Surfaces {

    public static final Set<String> ALL = Set.of("openai/chat-completions", "openai/responses", "openai/embeddings",
            "openai/completions", "anthropic/messages", "google/generate-content");

    private Surfaces() {
    }
}
