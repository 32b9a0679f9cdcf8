package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 against the packaged gateway as the local stack runs it (the chart's heap, {@code -Xmx128m}): what one
 * hostile client can send must cost it its own request, never the replica or anyone else's.
 */
@Order(8)
class HostileClientIT {

    private static final int TRICKLERS = 200;
    private static final String TEN_MIB = String.valueOf(10 * 1024 * 1024);
    private static final String SMUGGLED = "GET /v1/models HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer %s\r\n\r\n";

    private final RunningSuite suite = new RunningSuite();

    @Test
    void servesOtherClientsWhileTwoHundredConnectionsTrickleTenMebibyteBodies() throws Exception {
        long logBefore = Files.size(gatewayLog());
        List<RawConnection> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < TRICKLERS; i++) {
                RawConnection connection = RawConnection.open(suite.gatewayUrl);
                connection.write("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + suite.demoAccessKey
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + TEN_MIB + "\r\n\r\n{\"messages\":[");
                tricklers.add(connection);
            }
            for (int second = 0; second < 8; second++) {
                String kibibyte = " ".repeat(1024);
                for (RawConnection connection : tricklers) {
                    connection.write(kibibyte);
                }
                HttpResponse<String> other = suite.gatewayPost("/v1/chat/completions", suite.demoAccessKey,
                        "{\"model\":\"simulator:sim-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"still there?\"}]}");
                assertEquals(200, other.statusCode(), "a normal client while " + TRICKLERS + " connections trickle: " + other.body());
                Thread.sleep(1_000);
            }
        } finally {
            tricklers.forEach(RawConnection::close);
        }
        assertEquals(200, suite.readiness(suite.gatewayUrl).statusCode(), "the replica is still ready");
        String logged = Files.readString(gatewayLog(), StandardCharsets.UTF_8).substring((int) logBefore);
        assertFalse(logged.contains("OutOfMemoryError"), "the gateway ran out of memory: " + excerpt(logged, "OutOfMemoryError"));
    }

    @Test
    void refusesEverySmugglingFramingWith400InTheEnvelopeAndClosesWithoutRunningWhatFollows() throws IOException {
        List<String> heads = List.of(
                "Transfer-Encoding: xchunked\r\n",
                "Transfer-Encoding: chunked, identity\r\n",
                "Transfer-Encoding: identity\r\n",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding : chunked\r\n",
                "Content-Length: 4\r\nContent-Length: 40\r\n",
                "Content-Length: -1\r\n",
                "X-Pad: a\r\n Transfer-Encoding: chunked\r\n");
        for (String framing : heads) {
            try (RawConnection connection = RawConnection.open(suite.gatewayUrl)) {
                connection.write("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + suite.demoAccessKey
                        + "\r\nContent-Type: application/json\r\n" + framing + "\r\n0\r\n\r\n"
                        + SMUGGLED.formatted(suite.demoAccessKey));
                RawConnection.Received received = connection.readUntilClosed();
                String variant = framing.replace("\r\n", " | ");
                assertEnvelope(received, 400);
                assertTrue(received.closedByGateway(), variant + ": the connection stays open after the refusal");
                assertEquals(1, received.answers(), variant + ": the bytes after the head ran as a request: " + received.text());
            }
        }
    }

    @Test
    void answersAnOversizedUriAndHeaderBlockInTheEnvelopeWithARequestId() throws IOException {
        try (RawConnection connection = RawConnection.open(suite.gatewayUrl)) {
            connection.write("GET /v1/models?pad=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertEnvelope(connection.readUntilClosed(), 414);
        }
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            headers.append("X-Pad-").append(i).append(": ").append("b".repeat(1_000)).append("\r\n");
        }
        try (RawConnection connection = RawConnection.open(suite.gatewayUrl)) {
            connection.write("GET /v1/models HTTP/1.1\r\nHost: gw\r\n" + headers + "\r\n");
            assertEnvelope(connection.readUntilClosed(), 431);
        }
    }

    @Test
    void answersAFloodOfOneUnknownKeyWithoutAskingKeyServiceAgain() {
        String unknown = "ag-nxhostile" + Long.toString(System.nanoTime() % 100_000, 32) + "-g1-S3cretUnknown_abcdefghijklmn";
        HttpResponse<String> first = suite.gatewayPost("/v1/chat/completions", unknown, "{}");
        assertEquals(401, first.statusCode(), first.body());
        double lookupsAfterFirstMiss = keyServiceLookups();
        for (int i = 0; i < 100; i++) {
            assertEquals(401, suite.gatewayPost("/v1/chat/completions", unknown, "{}").statusCode());
        }
        assertEquals(lookupsAfterFirstMiss, keyServiceLookups(), "key-service look-ups during a flood of one unknown key");
    }

    private static void assertEnvelope(RawConnection.Received received, int status) {
        assertEquals(status, received.status(), received.text());
        assertNotNull(received.header("X-AIGW-Request-Id"), "no request id: " + received.text());
        JsonNode body;
        try {
            body = RunningSuite.JSON.readTree(received.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + received.text(), e);
        }
        assertTrue(body.path("error").path("message").isTextual(), "not OpenAI's envelope: " + received.body());
    }

    /** Access-key look-ups key-service has served so far, from its own request metrics (management port). */
    private double keyServiceLookups() {
        String metrics = suite.get(RunningSuite.managementUrl(suite.keysUrl) + "/q/metrics").body();
        Matcher lines = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/internal/v1/access-keys/\\{publicId}\"[^}]*} (\\S+)$")
                .matcher(metrics);
        double sum = 0;
        while (lines.find()) {
            sum += Double.parseDouble(lines.group(1));
        }
        return sum;
    }

    /** The first gateway replica's log, where the local stack writes it ({@code deploy/local/run/logs}). */
    private static Path gatewayLog() {
        String stack = System.getenv("AIGW_E2E_STACK");
        assertNotNull(stack, "AIGW_E2E_STACK must name deploy/local/stack");
        return Path.of(stack).toAbsolutePath().getParent().resolve("run/logs/gateway-1.log");
    }

    private static String excerpt(String text, String marker) {
        int at = text.indexOf(marker);
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 300));
    }
}
