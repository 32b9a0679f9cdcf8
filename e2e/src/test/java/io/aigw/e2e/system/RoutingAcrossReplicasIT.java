package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16 over the running suite with two gateway replicas: a backend scripted to fail on one replica is skipped on
 * both within one cooldown, and probed again (once, for the cluster) after it; a virtual model's edit reaches both.
 * The gateway settings get a short cooldown (2 failures, 8 s) for the run and are reset after it.
 */
@Order(9)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingAcrossReplicasIT {

    private final RunningSuite suite = new RunningSuite();
    private final Replicas replicas = new Replicas(suite);
    private final String tag = Long.toString(System.nanoTime(), 36);
    private final String virtual = "e2e-route-" + tag;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void shortCooldownOnBothReplicas() {
        HttpResponse<String> patched = suite.admin("PATCH", suite.configUrl + "/admin/v1/gateway-settings",
                "{\"cooldown\":{\"failures\":2,\"window\":\"30s\",\"duration\":\"8s\",\"providerFailures\":0}}");
        assertEquals(200, patched.statusCode(), patched.body());
        long config = replicas.configVersion();
        for (String gateway : replicas.urls()) {
            Eventually.within(Duration.ofSeconds(20), "settings on " + gateway, () -> replicas.snapshotVersion(gateway),
                    v -> v != null && v.config() >= config);
        }
    }

    @AfterAll
    void resetSettings() {
        suite.admin("PATCH", suite.configUrl + "/admin/v1/gateway-settings", "{\"cooldown\":null}");
        suite.admin("DELETE", suite.catalogUrl + "/admin/v1/virtual-models/" + virtual, null);
    }

    @Test
    @Order(1)
    void shouldSkipABackendFailingOnOneReplicaOnBothAndProbeItOnceAfterTheCooldown() {
        List<String> gateways = replicas.urls();
        assertTrue(gateways.size() >= 2, "two replicas expected: " + gateways);
        String first = gateways.get(0);
        String second = gateways.get(1);
        // 503 twice, then healthy: each request of the scenario, on either replica, takes the next status
        String model = "simulator:cooldown-" + tag + "@status-seq=503,503,200,scenario=cooldown-" + tag;

        assertEquals(502, replicas.chat(first, suite.demoAccessKey, model).statusCode());
        assertEquals(502, replicas.chat(first, suite.demoAccessKey, model).statusCode());

        // the second replica learns the cooldown through Redis, without calling the backend itself
        for (String gateway : gateways) {
            Eventually.within(Duration.ofSeconds(5), "cooldown of " + model + " on " + gateway,
                    () -> backendState(gateway, model), "open"::equals);
        }
        for (String gateway : List.of(second, first)) {
            HttpResponse<String> skipped = replicas.chat(gateway, suite.demoAccessKey, model);
            assertEquals(503, skipped.statusCode(), gateway + ": " + skipped.body());
            assertEquals("all_attempts_failed", Replicas.errorCode(skipped));
            assertEquals("0", skipped.headers().firstValue("X-AIGW-Attempts").orElse(""));
            assertTrue(skipped.headers().firstValue("X-AIGW-Skipped").orElse("").contains("cooling down after failures"),
                    gateway + ": " + skipped.headers().map());
        }

        // after the cooldown, the first request anywhere is the cluster's probe: the backend answers 200 now
        for (String gateway : gateways) {
            Eventually.within(Duration.ofSeconds(20), "end of the cooldown on " + gateway,
                    () -> backendState(gateway, model), s -> !"open".equals(s));
        }
        HttpResponse<String> probe = replicas.chat(second, suite.demoAccessKey, model);
        assertEquals(200, probe.statusCode(), probe.body());
        assertEquals("1", probe.headers().firstValue("X-AIGW-Attempts").orElse(""));
        // the probe's success closes the backend for the cluster: the other replica serves it again too
        HttpResponse<String> after = Eventually.within(Duration.ofSeconds(5), "served again on " + first,
                () -> replicas.chat(first, suite.demoAccessKey, model), r -> r.statusCode() == 200);
        assertEquals(200, after.statusCode());
    }

    @Test
    @Order(2)
    void shouldRouteAVirtualModelEditOnBothReplicas() {
        HttpResponse<String> created = suite.admin("POST", suite.catalogUrl + "/admin/v1/virtual-models",
                "{\"name\":\"" + virtual + "\",\"targets\":[\"simulator:sim-chat\"]}");
        assertEquals(201, created.statusCode(), created.body());
        for (String gateway : replicas.urls()) {
            Eventually.within(Duration.ofSeconds(20), virtual + " on " + gateway,
                    () -> replicas.chat(gateway, suite.demoAccessKey, virtual),
                    r -> r.statusCode() == 200 && served(r).equals("simulator:sim-chat"));
        }
        HttpResponse<String> edited = suite.admin("PATCH", suite.catalogUrl + "/admin/v1/virtual-models/" + virtual,
                "{\"targets\":[\"simulator:edited-" + tag + "\"]}");
        assertEquals(200, edited.statusCode(), edited.body());
        for (String gateway : replicas.urls()) {
            Eventually.within(Duration.ofSeconds(20), "the edit of " + virtual + " on " + gateway,
                    () -> replicas.chat(gateway, suite.demoAccessKey, virtual),
                    r -> r.statusCode() == 200 && served(r).equals("simulator:edited-" + tag));
        }
    }

    private static String served(HttpResponse<String> response) {
        return response.headers().firstValue("X-AIGW-Model").orElse("");
    }

    /** The breaker state of the simulator backend serving {@code model} on one replica ({@code /q/backends}), or "". */
    private String backendState(String gateway, String model) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(RunningSuite.managementUrl(gateway) + "/q/backends")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode backend : RunningSuite.json(answer).path("backends")) {
                String id = backend.path("backend").asText();
                if (id.startsWith("key:") && id.endsWith(":" + model)) {
                    return backend.path("state").asText();
                }
            }
            return "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
