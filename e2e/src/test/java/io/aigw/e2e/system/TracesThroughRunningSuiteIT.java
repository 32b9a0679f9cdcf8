package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.e2e.system.otlp.OtlpReceiver;
import io.aigw.e2e.system.otlp.ReceivedSpan;
import io.aigw.e2e.system.otlp.ReceivedSpan.Kind;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Traces across the running suite's processes, read by a small OTLP/HTTP receiver ({@link OtlpReceiver}): the admin
 * console, config-service and every gateway replica are restarted with {@code AIGW_OTLP_ENDPOINT} pointing at it (the
 * stack's opt-in), and restarted without it at the end. The in-service tests check each span with an in-memory
 * exporter; this one checks what crosses a process boundary: the export itself, the trace context the console's proxy
 * hands the owner, and the one in the Kafka record headers that every replica continues.
 */
@Order(8)
class TracesThroughRunningSuiteIT {

    private static final String PROMPT = "the vault combination is 31-17-4711";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static OtlpReceiver receiver;

    private final RunningSuite suite = new RunningSuite();

    @BeforeAll
    static void traceTheSuite() throws Exception {
        receiver = new OtlpReceiver();
        traced().forEach(component -> Stack.restart(component, Map.of("AIGW_OTLP_ENDPOINT", receiver.endpoint())));
    }

    @AfterAll
    static void stopTracing() {
        try {
            traced().forEach(component -> Stack.restart(component, Map.of("AIGW_OTLP_ENDPOINT", "")));
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    @Test
    void shouldExportOneGatewayServerSpanAndOneClientSpanPerAttemptWithGenAiAttributesAndNoSecret() {
        String trace = randomHex(16);
        String body = "{\"model\":\"simulator:sim-chat@status=503\",\"models\":[\"simulator:sim-chat\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        HttpResponse<String> answer = Eventually.within(Duration.ofSeconds(30), "a failed-over chat through gateway-1",
                () -> suite.traced("POST", suite.gatewayUrl + "/v1/chat/completions", suite.demoAccessKey, body,
                        traceparent(trace)), r -> r.statusCode() == 200);
        int attempts = Integer.parseInt(answer.headers().firstValue("X-AIGW-Attempts").orElse("0"));
        assertTrue(attempts >= 2, "the request failed over: " + answer.headers().map());

        List<ReceivedSpan> spans = Eventually.within(Duration.ofSeconds(60), "the gateway's spans of trace " + trace,
                () -> receiver.trace(trace), found -> attemptsOf(found).size() == attempts
                        && found.stream().anyMatch(TracesThroughRunningSuiteIT::isGatewayServer));
        List<ReceivedSpan> servers = spans.stream().filter(TracesThroughRunningSuiteIT::isGatewayServer).toList();
        assertEquals(1, servers.size(), "one server span: " + spans);
        ReceivedSpan server = servers.get(0);
        assertEquals("chat", server.attribute("gen_ai.operation.name"));
        assertEquals("simulator:sim-chat@status=503", server.attribute("gen_ai.request.model"));
        assertEquals("simulator", server.attribute("gen_ai.provider.name"));
        assertEquals("simulator:sim-chat", server.attribute("aigw.served_model"));
        assertEquals((long) attempts, server.attribute("aigw.attempts"));
        assertEquals(answer.headers().firstValue("X-AIGW-Request-Id").orElseThrow(), server.attribute("aigw.request.id"));
        assertNotNull(server.attribute("gen_ai.usage.output_tokens"));
        assertNotNull(server.attribute("aigw.cost_usd"));

        List<ReceivedSpan> tries = attemptsOf(spans);
        for (int i = 0; i < tries.size(); i++) {
            ReceivedSpan attempt = tries.get(i);
            assertEquals((long) i + 1, attempt.attribute("aigw.attempt"));
            assertEquals(server.spanId(), attempt.parentSpanId(), "attempt " + (i + 1) + " is a child of the server span");
            assertEquals("chat", attempt.attribute("gen_ai.operation.name"));
            assertEquals("simulator", attempt.attribute("gen_ai.provider.name"));
            assertTrue(attempt.name().startsWith("chat sim-chat"), attempt.name());
            assertNotNull(attempt.attribute("aigw.provider_key.id"));
        }
        ReceivedSpan first = tries.get(0);
        ReceivedSpan last = tries.get(tries.size() - 1);
        assertEquals("503", first.attribute("error.type"));
        assertEquals("success", last.attribute("aigw.failover.action"));
        assertEquals("sim-chat", last.attribute("gen_ai.request.model"));
        assertEquals(List.of("stop"), last.attribute("gen_ai.response.finish_reasons"));
        assertNotNull(last.attribute("gen_ai.usage.input_tokens"));

        String everything = spans.stream().map(ReceivedSpan::text).collect(Collectors.joining("\n"));
        for (String secret : secrets()) {
            assertFalse(everything.contains(secret), "a secret is in the exported spans");
        }
        assertFalse(everything.contains("vault combination"), "prompt text is on a span with content capture off");
    }

    @Test
    void shouldFollowAnAdminChangeFromTheConsoleThroughKafkaToTheConsumerSpanOfEveryGatewayReplica() {
        String trace = randomHex(16);
        String caller = randomHex(8);
        List<String> replicas = replicas();
        String body = "{\"name\":\"traced-" + randomHex(4) + "\",\"description\":\"followed end to end\"}";
        HttpResponse<String> created = Eventually.within(Duration.ofSeconds(30), "create a configuration through the console",
                () -> suite.traced("POST", suite.consoleUrl + "/admin/v1/configurations", suite.adminToken, body,
                        "00-" + trace + "-" + caller + "-01"), r -> r.statusCode() == 201);
        String configurationId = RunningSuite.json(created).path("id").asText();
        try {
            List<ReceivedSpan> spans = Eventually.within(Duration.ofSeconds(60),
                    "the consumer spans of " + replicas + " in trace " + trace, () -> receiver.trace(trace),
                    // each service exports in its own batches: wait for the console's spans too, not only the replicas'
                    found -> consumersByReplica(found).keySet().containsAll(replicas)
                            && found.stream().anyMatch(s -> s.kind() == Kind.SERVER && s.service().equals("admin-console"))
                            && found.stream().anyMatch(s -> s.kind() == Kind.CLIENT && s.service().equals("admin-console")));

            ReceivedSpan console = only(spans, s -> s.kind() == Kind.SERVER && s.service().equals("admin-console"),
                    "console server");
            assertEquals(caller, console.parentSpanId(), "the console continues the caller's trace");
            ReceivedSpan relay = only(spans, s -> s.kind() == Kind.CLIENT && s.service().equals("admin-console"),
                    "console relay");
            assertEquals(console.spanId(), relay.parentSpanId(), "the relay is a child of the console's server span");
            // (config-service's later server spans in this trace, if any, are the replicas' look-ups after the change)
            ReceivedSpan admin = only(spans, s -> s.kind() == Kind.SERVER && s.service().equals("config-service")
                    && s.parentSpanId().equals(relay.spanId()), "config-service server span continuing the relay");

            Map<String, List<ReceivedSpan>> consumers = consumersByReplica(spans);
            assertEquals(replicas.stream().sorted().toList(), consumers.keySet().stream().sorted().toList(),
                    "one consumer span per gateway replica, named by service.instance.id: " + names(spans));
            for (String replica : replicas) {
                assertEquals(1, consumers.get(replica).size(), "one consumer span on " + replica + ": " + names(spans));
                ReceivedSpan consumer = consumers.get(replica).get(0);
                assertTrue(consumer.name().contains("config-changes"), consumer.name());

                List<ReceivedSpan> path = ancestry(consumer, spans);
                assertTrue(path.contains(console) && path.contains(admin),
                        replica + "'s consumer span descends from the console call: " + names(path));
                ReceivedSpan producer = path.stream().filter(s -> s.kind() == Kind.PRODUCER).findFirst()
                        .orElseThrow(() -> new AssertionError("no producer span on " + replica + "'s path: " + names(path)));
                assertEquals("config-service", producer.service());
                assertTrue(producer.name().contains("config-changes"), producer.name());
                assertEquals(producer.spanId(), consumer.parentSpanId(),
                        "the record headers carried the producer span to " + replica);
            }
        } finally {
            suite.admin("DELETE", suite.configUrl + "/admin/v1/configurations/" + configurationId, null);
        }
    }

    /** The components this test traces: the console, config-service and every gateway replica of the suite. */
    private static List<String> traced() {
        return Stream.concat(Stream.of("console", "config"), replicas().stream()).toList();
    }

    /** The stack's instance ids of the suite's gateway replicas: gateway-1 … gateway-N. */
    private static List<String> replicas() {
        int count = new RunningSuite().gatewayUrls().size();
        return IntStream.rangeClosed(1, count).mapToObj(i -> "gateway-" + i).toList();
    }

    /** The gateways' consumer spans, by the replica (service.instance.id) that emitted them. */
    private static Map<String, List<ReceivedSpan>> consumersByReplica(List<ReceivedSpan> spans) {
        return spans.stream().filter(TracesThroughRunningSuiteIT::isGatewayConsumer)
                .collect(Collectors.groupingBy(s -> String.valueOf(s.instance())));
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which, String what) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), "one " + what + " span: " + names(spans));
        return found.get(0);
    }

    private static boolean isGatewayServer(ReceivedSpan span) {
        return span.kind() == Kind.SERVER && span.service().equals("gateway-service");
    }

    private static boolean isGatewayConsumer(ReceivedSpan span) {
        return span.kind() == Kind.CONSUMER && span.service().equals("gateway-service");
    }

    /** The gateway's attempt spans (not the HTTP client spans of its own look-ups), by attempt number. */
    private static List<ReceivedSpan> attemptsOf(List<ReceivedSpan> spans) {
        return spans.stream().filter(s -> s.kind() == Kind.CLIENT && s.attribute("aigw.attempt") != null)
                .sorted(Comparator.comparing(s -> (Long) s.attribute("aigw.attempt"))).toList();
    }

    /** {@code span} and its parents, as far as the received spans go. */
    private static List<ReceivedSpan> ancestry(ReceivedSpan span, List<ReceivedSpan> spans) {
        Map<String, ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        List<ReceivedSpan> path = new ArrayList<>();
        for (ReceivedSpan at = span; at != null && !path.contains(at); at = byId.get(at.parentSpanId())) {
            path.add(at);
        }
        return path;
    }

    private static List<String> names(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + (s.instance() == null ? "" : "/" + s.instance()) + ":" + s.kind()
                + ":" + s.name()).toList();
    }

    /** Every secret the suite holds: tokens, keys, the demo access key and the simulator's provider keys. */
    private List<String> secrets() {
        Stream<String> tokens = Stream.of("AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_GATEWAY_TOKEN", "AIGW_MASTER_KEY",
                "AIGW_KEY_PEPPER").map(System::getenv);
        Stream<String> providerKeys = Stream.of(System.getenv().getOrDefault("AIGW_SIMULATOR_KEYS", "sim-key-1,sim-key-2")
                .split(","));
        return Stream.concat(Stream.concat(tokens, providerKeys), Stream.of(suite.demoAccessKey))
                .filter(s -> s != null && s.length() >= 8).toList();
    }

    private static String traceparent(String trace) {
        return "00-" + trace + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
