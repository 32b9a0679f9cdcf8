package io.aigw.e2e.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.e2e.simulator.behavior.ScenarioCounters;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.recording.RecordedRequest;
import io.aigw.e2e.simulator.recording.RequestRecorder;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own endpoints: {@code GET /_sim/health} (with the number of streams still open), {@code GET /_sim/requests[?path=]},
 * {@code DELETE /_sim/requests}, {@code DELETE /_sim/scenarios}. Never recorded, never authenticated.
 */
final class AdminRoutes {

    private final RequestRecorder recorder;
    private final ScenarioCounters scenarios;

    private final java.util.concurrent.atomic.AtomicInteger openStreams;

    AdminRoutes(RequestRecorder recorder, ScenarioCounters scenarios, java.util.concurrent.atomic.AtomicInteger openStreams) {
        this.recorder = recorder;
        this.scenarios = scenarios;
        this.openStreams = openStreams;
    }

    void handle(HttpServerRequest request) {
        String route = request.method().name() + " " + request.path();
        switch (route) {
            case "GET /_sim/health" -> json(request, 200, "{\"status\":\"UP\",\"openStreams\":" + openStreams.get() + "}");
            case "GET /_sim/requests" -> json(request, 200, requestsJson(recorder.snapshot(request.getParam("path"))));
            case "DELETE /_sim/requests" -> {
                recorder.clear();
                request.response().setStatusCode(204).end();
            }
            case "DELETE /_sim/scenarios" -> {
                scenarios.reset();
                request.response().setStatusCode(204).end();
            }
            default -> json(request, 404, "{\"error\":\"no simulator admin route " + route + "\"}");
        }
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    private static String requestsJson(List<RecordedRequest> requests) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (RecordedRequest r : requests) {
            ObjectNode node = out.addObject().put("method", r.method()).put("path", r.path()).put("query", r.query());
            ObjectNode headers = node.putObject("headers");
            for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
                ArrayNode values = headers.putArray(header.getKey());
                header.getValue().forEach(values::add);
            }
            node.put("body", r.body()).put("receivedAt", r.receivedAt().toString());
        }
        return out.toString();
    }
}
