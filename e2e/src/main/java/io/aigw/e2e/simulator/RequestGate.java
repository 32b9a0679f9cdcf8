package io.aigw.e2e.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.behavior.Behavior;
import io.aigw.e2e.simulator.behavior.ScenarioCounters;
import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import java.util.Set;

/**
 * The checks a request passes before it is answered, in the providers' order: key, mandatory headers, body,
 * then the scripted status ({@code fail-key}, then {@code status-seq}, then {@code status}).
 */
final class RequestGate {

    private final Set<String> keys;
    private final ScenarioCounters scenarios;

    /** @param keys the accepted provider keys; empty accepts any non-blank key */
    RequestGate(Set<String> keys, ScenarioCounters scenarios) {
        this.keys = keys;
        this.scenarios = scenarios;
    }

    /** The rejection for this request, or null when it may be answered. */
    ErrorReply check(Route route, Exchange exchange) {
        ProviderDialect dialect = route.dialect();
        String key = exchange.apiKey();
        if (key == null || key.isBlank()) {
            return dialect.missingKey();
        }
        if (!keys.isEmpty() && !keys.contains(key)) {
            return dialect.wrongKey(key);
        }
        ErrorReply missingHeader = dialect.missingHeader(exchange.request());
        if (missingHeader != null) {
            return missingHeader;
        }
        if (route.hasJsonBody()) {
            JsonNode json = exchange.json();
            if (json == null) {
                return dialect.unreadableBody();
            }
            for (String field : route.requiredFields()) {
                if (json.path(field).isMissingNode() || json.path(field).isNull()) {
                    return dialect.missingParameter(field);
                }
            }
        }
        int status = scriptedStatus(exchange.behavior(), key);
        return status == 0 || status == 200 ? null : dialect.forStatus(status, exchange.model(), key);
    }

    private int scriptedStatus(Behavior behavior, String key) {
        Integer keyStatus = behavior.failKeys().get(key);
        if (keyStatus != null) {
            return keyStatus;
        }
        if (!behavior.statusSequence().isEmpty()) {
            return scenarios.nextStatus(behavior);
        }
        return behavior.status();
    }
}
