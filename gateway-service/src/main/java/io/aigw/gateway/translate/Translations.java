package io.aigw.gateway.translate;

import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Skip;
import io.aigw.gateway.routing.Surface;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The translations one request needs: one per provider surface of its plan other than the client's, made once
 * before any attempt. A surface the request cannot be translated to is remembered with the reason, and the
 * plan's attempts on it are skipped ({@link #usable}).
 */
public final class Translations {

    private static final Translations NONE = new Translations(null, Map.of(), Map.of());

    private final Surface client;
    private final Map<Surface, Translation> byTarget;
    private final Map<Surface, GatewayException> failures;

    private Translations(Surface client, Map<Surface, Translation> byTarget, Map<Surface, GatewayException> failures) {
        this.client = client;
        this.byTarget = byTarget;
        this.failures = failures;
    }

    /** Translates the body for every provider surface of {@code plan} that is not {@code client}. */
    public static Translations forPlan(Surface client, List<PlannedAttempt> plan, byte[] bytes, int length) {
        Map<Surface, Translation> byTarget = null;
        Map<Surface, GatewayException> failures = null;
        for (PlannedAttempt attempt : plan) {
            Surface target = attempt.address().upstreamSurface(client);
            if (target == client || target == null || (byTarget != null && byTarget.containsKey(target))
                    || (failures != null && failures.containsKey(target))) {
                continue;
            }
            if (byTarget == null) {
                byTarget = new EnumMap<>(Surface.class);
                failures = new EnumMap<>(Surface.class);
            }
            try {
                byTarget.put(target, of(client, target, bytes, length));
            } catch (GatewayException e) {
                failures.put(target, e);
            }
        }
        return byTarget == null ? NONE : new Translations(client, byTarget, failures);
    }

    /** The translator of one (client surface → provider surface) pair. */
    static Translation of(Surface client, Surface target, byte[] bytes, int length) {
        if (client == Surface.CHAT_COMPLETIONS && target == Surface.MESSAGES) {
            return ChatToMessagesTranslation.of(bytes, length);
        }
        if (client == Surface.CHAT_COMPLETIONS && target == Surface.RESPONSES) {
            return ChatToResponsesTranslation.of(bytes, length);
        }
        if (client == Surface.MESSAGES && target == Surface.RESPONSES) {
            return MessagesToResponsesTranslation.of(bytes, length);
        }
        if (client == Surface.GENERATE_CONTENT && target == Surface.RESPONSES) {
            return GeminiToResponsesTranslation.of(bytes, length);
        }
        if (client == Surface.MESSAGES && target == Surface.CHAT_COMPLETIONS) {
            return MessagesToChatTranslation.of(bytes, length);
        }
        if (client == Surface.RESPONSES && target == Surface.CHAT_COMPLETIONS) {
            return ResponsesToChatTranslation.of(bytes, length);
        }
        if (client == Surface.RESPONSES && target == Surface.MESSAGES) {
            return ResponsesToMessagesTranslation.of(bytes, length);
        }
        if (client == Surface.GENERATE_CONTENT && target == Surface.CHAT_COMPLETIONS) {
            return GeminiToChatTranslation.of(bytes, length);
        }
        if (client == Surface.GENERATE_CONTENT && target == Surface.MESSAGES) {
            return GeminiToMessagesTranslation.of(bytes, length);
        }
        if (client == Surface.CHAT_COMPLETIONS && target == Surface.GENERATE_CONTENT) {
            return ChatToGeminiTranslation.of(bytes, length);
        }
        if (client == Surface.MESSAGES && target == Surface.GENERATE_CONTENT) {
            return MessagesToGeminiTranslation.of(bytes, length);
        }
        if (client == Surface.RESPONSES && target == Surface.GENERATE_CONTENT) {
            return ResponsesToGeminiTranslation.of(bytes, length);
        }
        throw OpenAiToAnthropicTranslator.invalid("No translation from " + client.id() + " to " + target.id() + ".", null);
    }

    /** The translation for attempts on {@code target}; null when attempts there are native. */
    public Translation get(Surface target) {
        return target == client ? null : byTarget.get(target);
    }

    /** {@code plan} without the attempts on surfaces the request could not be translated to. */
    public List<PlannedAttempt> usable(List<PlannedAttempt> plan) {
        if (failures.isEmpty()) {
            return plan;
        }
        List<PlannedAttempt> usable = new ArrayList<>(plan.size());
        for (PlannedAttempt attempt : plan) {
            if (!failures.containsKey(attempt.address().upstreamSurface(client))) {
                usable.add(attempt);
            }
        }
        return usable;
    }

    /** Why candidates were skipped, one per model and surface; empty when none was. */
    public List<Skip> skipped(List<PlannedAttempt> plan) {
        List<Skip> reasons = new ArrayList<>(1);
        for (PlannedAttempt attempt : plan) {
            GatewayException failure = failures.get(attempt.address().upstreamSurface(client));
            Skip reason = failure == null ? null : Skip.untranslatable(attempt.address().canonical(),
                    attempt.address().upstreamSurface(client).id(), failure.getMessage());
            if (reason != null && !reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        return reasons;
    }

    /** The error when no attempt is left: the first surface's reason. */
    public GatewayException failure() {
        return failures.values().iterator().next();
    }
}
