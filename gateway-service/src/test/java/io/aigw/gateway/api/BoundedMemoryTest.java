package io.aigw.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.RawHttp;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies and upstream answers cannot fill the heap (issue 14). Test settings: body limit 64 KiB, body idle
 * timeout 1 s, body deadline 5 s, in-flight body budget 200,000 bytes, upstream answer cap 256 KiB.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class BoundedMemoryTest {

    private static final String REQUEST_ID = "req_[a-z2-7]{24}";
    private static final String IN_FLIGHT = "aigw_request_body_bytes_in_flight";
    private static final String SMALL = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    @Test
    void shouldAnswer408InTheOpenAiEnvelopeWhenTheBodyStopsArriving() throws Exception {
        try (RawHttp c = new RawHttp(gateway)) {
            long started = System.nanoTime();
            c.send(RawHttp.post("/v1/chat/completions", "Content-Length: 100")).send("{\"model\":");
            RawHttp.Response r = c.read();
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(r.status(), equalTo(408));
            assertThat(r.header(GatewayHeaders.REQUEST_ID), matchesPattern(REQUEST_ID));
            assertThat(r.body(), containsString("\"code\":\"request_timeout\""));
            assertThat(ms, greaterThanOrEqualTo(900L));
            assertThat(ms, lessThan(4_000L));
            assertThat(c.closedWithin(3_000), equalTo(true));
        }
    }

    @Test
    void shouldAnswer408InTheAnthropicEnvelopeWhenATrickledBodyMissesItsDeadline() throws Exception {
        try (RawHttp c = new RawHttp(gateway)) {
            long started = System.nanoTime();
            c.send(RawHttp.post("/v1/messages", "Content-Length: 1000"));
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        c.send(" ");
                        Thread.sleep(300);
                    }
                } catch (Exception e) {
                    // the gateway closed the connection
                }
            });
            trickle.start();
            RawHttp.Response r = c.read();
            long ms = (System.nanoTime() - started) / 1_000_000;
            trickle.interrupt();
            assertThat(r.status(), equalTo(408));
            assertThat(r.header(GatewayHeaders.REQUEST_ID), matchesPattern(REQUEST_ID));
            assertThat(r.body(), containsString("\"type\":\"error\""));
            assertThat(ms, greaterThanOrEqualTo(4_500L));
            assertThat(ms, lessThan(9_000L));
        }
    }

    @Test
    void shouldNotSizeBodyBuffersByTheDeclaredLengthAndKeepServingOthers() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                RawHttp c = new RawHttp(gateway);
                c.send(RawHttp.post("/v1/chat/completions", "Content-Length: 60000")).send("{");
                slow.add(c);
            }
            Metrics.awaitAtLeast(IN_FLIGHT, 10.0 * 16 * 1024);
            assertThat(Metrics.value(IN_FLIGHT), lessThanOrEqualTo(10.0 * 16 * 1024)); // not 10 x 60,000
            given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(SMALL)
                    .when().post("/v1/chat/completions").then().statusCode(200);
        } finally {
            slow.forEach(RawHttp::close);
        }
        awaitInFlight(0);
    }

    @Test
    void shouldRefuseWith503OverloadedWhileTheInFlightBodyBudgetIsSpent() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        Thread stop = null;
        String pad = "{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(40_000);
        try {
            for (int i = 0; i < 3; i++) {
                RawHttp c = new RawHttp(gateway);
                c.send(RawHttp.post("/v1/chat/completions", "Content-Length: 60000")).send(pad);
                held.add(c);
            }
            Thread trickle = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(300);
                        for (RawHttp c : held) {
                            c.send("x");
                        }
                    }
                } catch (Exception e) {
                    // stopped
                }
            });
            trickle.start();
            stop = trickle;
            Metrics.awaitAtLeast(IN_FLIGHT, 3 * 65536);
            String big = "{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(20_000) + "\",\"messages\":[]}";
            given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(big)
                    .when().post("/v1/chat/completions")
                    .then().statusCode(503)
                    .header("Retry-After", "1")
                    .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                    .body("error.code", equalTo("overloaded"));
            given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(SMALL)
                    .when().post("/v1/chat/completions").then().statusCode(200);
        } finally {
            if (stop != null) {
                stop.interrupt();
                stop.join();
            }
            held.forEach(RawHttp::close);
        }
        awaitInFlight(0);
        String big = "{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(20_000) + "\",\"messages\":[]}";
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(big)
                .when().post("/v1/chat/completions").then().statusCode(200);
    }

    @Test
    void shouldAnswer502WhenANonStreamedUpstreamAnswerPassesTheCap() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:big@chunks=60000\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(502)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("error.code", equalTo("upstream_response_too_large"));
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:big@chunks=20000\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200).body("choices[0].message.content.length()", greaterThanOrEqualTo(100_000));
    }

    private static void awaitInFlight(double expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (Metrics.value(IN_FLIGHT) != expected) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError(IN_FLIGHT + " stayed at " + Metrics.value(IN_FLIGHT));
            }
            Thread.sleep(20);
        }
    }
}
