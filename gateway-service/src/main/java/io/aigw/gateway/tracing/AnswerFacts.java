package io.aigw.gateway.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a span records of an upstream answer (a whole body or a burst of stream events): the model that answered and
 * the finish reasons, in the provider's own fields (OpenAI `model` / `finish_reason`, Anthropic `model` /
 * `stop_reason`, Gemini `modelVersion` / `finishReason`). Only short token-like values are taken, so no answer text
 * can reach a span; a quote inside a JSON string is escaped, so a field name written in the text never matches. With
 * content capture on, the text is also kept, apart ({@link OutputText}).
 * Used only for sampled spans.
 */
final class AnswerFacts {

    private static final Pattern FIELD = Pattern.compile(
            "\"(model|modelVersion|finish_reason|stop_reason|finishReason)\"\\s*:\\s*\"([A-Za-z0-9_.:/@-]{1,128})\"");
    private static final int MAX_REASONS = 8;

    private String model;
    private final List<String> finishReasons = new ArrayList<>(2);
    /** The answer's text, kept only with content capture on (else null). */
    final OutputText text;

    AnswerFacts(OutputText text) {
        this.text = text;
    }

    /** Reads the fields out of {@code json} (UTF-8 text of a body or of whole events). */
    void scan(String json) {
        if (text != null) {
            text.scan(json);
        }
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            String field = m.group(1);
            String value = m.group(2);
            if (field.startsWith("model")) {
                if (model == null) {
                    model = value;
                }
            } else if (!finishReasons.contains(value) && finishReasons.size() < MAX_REASONS) {
                finishReasons.add(value);
            }
        }
    }

    String model() {
        return model;
    }

    List<String> finishReasons() {
        return finishReasons;
    }
}
