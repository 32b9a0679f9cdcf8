package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: Kafka stopped for 5 minutes, ten times the gateways' delivery timeout (`delivery.timeout.ms`, 30 s), under a
 * steady, bounded load, with one gateway replica restarted 40 s into the outage. Once Kafka is back the ledger holds exactly one
 * event per answered request: the events Kafka could not take were spooled, kept across the restart and replayed.
 */
@Order(7)
class UsageThroughKafkaOutageIT {

    static final Duration OUTAGE = Duration.ofMinutes(5);
    static final Duration OUTAGE_BEFORE_RESTART = Duration.ofSeconds(40);
    static final long REQUEST_INTERVAL_MS = 100;

    private final RunningSuite suite = new RunningSuite();

    @Test
    void shouldLedgerEveryAnsweredRequestOnceAfterAKafkaOutageAndAGatewayRestart() throws Exception {
        List<String> gateways = suite.gatewayUrls();
        assertTrue(gateways.size() >= 2, "needs two gateway replicas: " + gateways);
        Instant from = Instant.now().minusSeconds(1);
        Map<String, Answer> served = new ConcurrentHashMap<>(); // request id -> where and when it was answered
        AtomicReference<String> phase = new AtomicReference<>("before the outage");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                String gateway = gateways.get(i % 2);
                try {
                    HttpResponse<String> answer = suite.gatewayPost(gateway, "/v1/chat/completions", suite.demoAccessKey,
                            "{\"model\":\"simulator:sim-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"outage " + i + "\"}]}");
                    if (answer.statusCode() == 200) {
                        served.put(answer.headers().firstValue("X-AIGW-Request-Id").orElseThrow(),
                                new Answer((i % 2 == 0 ? "gateway-1 " : "gateway-2 ") + phase.get(), Instant.now()));
                    }
                } catch (RunningSuite.SuiteUnreachable e) {
                    // the replica being restarted: this request was never answered
                }
                sleep(REQUEST_INTERVAL_MS);
            }
        }, "outage-load");
        load.start();
        try {
            sleep(3_000);
            phase.set("stopping Kafka");
            Stack.stop("kafka");
            long kafkaStopped = System.nanoTime();
            try {
                phase.set("Kafka down");
                sleep(OUTAGE_BEFORE_RESTART.toMillis());
                phase.set("gateway-2 restarting");
                Stack.stop("gateway-2");
                Stack.start("gateway-2");
                phase.set("Kafka down, gateway-2 restarted");
                sleep(Math.max(5_000, OUTAGE.toMillis() - (System.nanoTime() - kafkaStopped) / 1_000_000));
            } finally {
                phase.set("Kafka starting");
                Stack.start("kafka");
            }
            phase.set("Kafka back");
            sleep(5_000);
        } finally {
            running.set(false);
            load.join();
        }
        Instant to = Instant.now().plusSeconds(1);
        System.out.printf("[outage] %d requests answered around a Kafka outage of %d s%n", served.size(), OUTAGE.toSeconds());
        assertTrue(served.size() > 100, "too little load: " + served.size());

        Map<String, Integer> ledger = Eventually.within(Duration.ofSeconds(120), "every answered request in the ledger",
                () -> ledgerAttempts(from, to), l -> l.keySet().containsAll(served.keySet()), l -> missing(served, l));
        for (String requestId : served.keySet()) {
            assertEquals(1, ledger.get(requestId), "events of " + requestId);
        }
        System.out.printf("[outage] ledger: %d of %d answered requests, each once; 0 lost%n",
                served.keySet().stream().filter(ledger::containsKey).count(), served.size());
    }

    /** Which replica answered a request, in which phase of the outage, and when. */
    record Answer(String where, Instant at) {
    }

    /** How many answered requests the ledger lacks, by replica and phase, with when the first and last were answered. */
    private static String missing(Map<String, Answer> served, Map<String, Integer> ledger) {
        Map<String, List<Instant>> byWhere = new TreeMap<>();
        served.forEach((id, answer) -> {
            if (!ledger.containsKey(id)) {
                byWhere.computeIfAbsent(answer.where(), w -> new ArrayList<>()).add(answer.at());
            }
        });
        Map<String, Long> answered = new TreeMap<>();
        served.values().forEach(answer -> answered.merge(answer.where(), 1L, Long::sum));
        StringBuilder text = new StringBuilder();
        byWhere.forEach((where, times) -> text.append(String.format(" %s: %d of %d, answered %s .. %s;", where,
                times.size(), answered.get(where), Collections.min(times), Collections.max(times))));
        return byWhere.values().stream().mapToInt(List::size).sum() + " of " + served.size()
                + " answered requests missing:" + text;
    }

    /** Request id → events stored for the demo key in [from, to), read page by page from the usage API. */
    private Map<String, Integer> ledgerAttempts(Instant from, Instant to) {
        String token = suite.demoAccessKey;
        String keyId = "ak_" + token.substring(3, token.indexOf("-g1-"));
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            String url = suite.keysUrl + "/admin/v1/usage/events?limit=100&accessKeyId=" + keyId + "&from=" + from
                    + "&to=" + to + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = RunningSuite.json(suite.admin("GET", url, null));
            for (JsonNode event : page.path("data")) {
                counts.merge(event.path("requestId").asText(), 1, Integer::sum);
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
