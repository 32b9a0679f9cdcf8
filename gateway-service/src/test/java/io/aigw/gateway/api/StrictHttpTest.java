package io.aigw.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.RawHttp;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 framing, the HTTP layer's errors in the envelope, and what crosses to and from upstreams (issue 14). */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class StrictHttpTest {

    private static final String REQUEST_ID = "req_[a-z2-7]{24}";
    private static final String SMUGGLED = "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + TestKeys.ALLOW_ALL + "\r\n\r\n";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private void assertRefusedAndClosed(String transferEncoding) throws Exception {
        try (RawHttp c = new RawHttp(gateway)) {
            c.send(RawHttp.post("/v1/chat/completions", transferEncoding) + SMUGGLED);
            RawHttp.Response r = c.read();
            assertThat(transferEncoding, r.status(), equalTo(400));
            String rest = c.restUntilClosed(3_000);
            assertThat(transferEncoding + ": the connection stays open", rest, not(nullValue()));
            assertThat(transferEncoding + ": the bytes after the head ran as a request", rest, not(containsString("HTTP/1.1")));
        }
    }

    @Test
    void shouldRefuseEveryTransferEncodingButChunkedWith400AndClose() throws Exception {
        assertRefusedAndClosed("Transfer-Encoding: xchunked");
        assertRefusedAndClosed("Transfer-Encoding: gzip");
        assertRefusedAndClosed("Transfer-Encoding: chunked, identity");
        assertRefusedAndClosed("Transfer-Encoding: identity");
    }

    /** A head the HTTP decoder itself refuses: 400 in the surface's envelope with a request id, then closed. */
    private void assertDecoderRefusal(String head, int status, String code) throws Exception {
        try (RawHttp c = new RawHttp(gateway)) {
            c.send(head + SMUGGLED);
            RawHttp.Response r = c.read();
            assertThat(head, r.status(), equalTo(status));
            assertThat(head, r.header(GatewayHeaders.REQUEST_ID), matchesPattern(REQUEST_ID));
            assertThat(head, r.body(), containsString("\"" + code + "\""));
            String rest = c.restUntilClosed(3_000);
            assertThat(head + ": the connection stays open", rest, not(nullValue()));
            assertThat(head + ": the bytes after the head ran as a request", rest, not(containsString("HTTP/1.1")));
        }
    }

    @Test
    void shouldRefuseObsoleteLineFoldingWith400AndClose() throws Exception {
        // RFC 9112 §5.2: a front proxy may read "X-Pad: a\r\n Transfer-Encoding: chunked" as two headers
        assertDecoderRefusal(RawHttp.post("/v1/chat/completions", "Content-Length: 2", "X-Pad: a",
                " Transfer-Encoding: chunked") + "{}", 400, "invalid_request");
        assertDecoderRefusal(RawHttp.post("/v1/chat/completions", "Content-Length: 2", "X-Pad: a", "\tb") + "{}", 400,
                "invalid_request");
    }

    @Test
    void shouldAcceptAJsonBodyWithFoldLikeLinesAndAFollowingPipelinedRequest() throws Exception {
        // a body is never scanned for folding: CRLF and a space inside it are content, on every request of the connection
        String body = "{\r\n  \"model\": \"gpt-4o\",\r\n  \"messages\": [{\"role\": \"user\",\r\n\t\"content\": \"hi\"}]\r\n}";
        String request = RawHttp.post("/v1/chat/completions", "Content-Length: " + body.length()) + body;
        try (RawHttp c = new RawHttp(gateway)) {
            c.send(request + request);
            RawHttp.Response first = c.read();
            RawHttp.Response second = c.read();
            assertThat(first.body(), first.status(), equalTo(200));
            assertThat(second.body(), second.status(), equalTo(200));
        }
    }

    @Test
    void shouldAnswerFramingTheDecoderRefusesInTheEnvelope() throws Exception {
        assertDecoderRefusal(RawHttp.post("/v1/chat/completions", "Content-Length: -1"), 400, "invalid_request");
        assertDecoderRefusal(RawHttp.post("/v1/chat/completions", "Content-Length: 2", "Content-Length: 3") + "{}", 400,
                "invalid_request");
        assertDecoderRefusal(RawHttp.post("/v1/messages", "Content-Length : 2") + "{}", 400, "invalid_request_error");
        assertDecoderRefusal("NOT A REQUEST LINE\r\n\r\n", 400, "invalid_request");
    }

    @Test
    void shouldAnswerLinesAndHeadersBeyondTheDecodersLimitsInTheEnvelope() throws Exception {
        assertDecoderRefusal("GET /v1/models?pad=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414,
                "uri_too_long");
        assertDecoderRefusal(RawHttp.post("/v1/chat/completions", "X-Pad: " + "y".repeat(140_000)), 431,
                "headers_too_large");
    }

    @Test
    void shouldAnswerAnOversizedUriWith414InTheEnvelope() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).when().get("/v1/models?pad=" + "x".repeat(9_000))
                .then().statusCode(414)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("error.code", equalTo("uri_too_long"));
    }

    @Test
    void shouldAnswerOversizedHeadersWith431InTheEnvelope() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).header("x-pad", "y".repeat(40_000))
                .header("anthropic-version", "2023-06-01").contentType(ContentType.JSON).body("{}")
                .when().post("/v1/messages")
                .then().statusCode(431)
                .header(GatewayHeaders.REQUEST_ID, matchesPattern(REQUEST_ID))
                .body("type", equalTo("error"));
    }

    @Test
    void shouldAnswer502UpstreamRedirectWhenTheProviderRedirects() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:m@redirect=302\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(502)
                .header("location", nullValue())
                .body("error.code", equalTo("upstream_redirect"));
    }

    @Test
    void shouldAskForIdentityAndDecodeAGzipAnswerBeforeReadingItsUsage() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            Response r = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body("{\"model\":\"openai:m@gzip=1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions");
            r.then().statusCode(200).header("content-encoding", nullValue())
                    .body("choices[0].message.content", containsString("Hello!"));
            assertThat(SimulatorClient.received("/v1/chat/completions").get(0).header("accept-encoding"),
                    equalTo("identity"));
            List<JsonNode> events = usage.eventsOf(r.header(GatewayHeaders.REQUEST_ID), 1);
            assertThat(events.get(0).path("tokens").path("estimated").asBoolean(), equalTo(false));
            assertThat(events.get(0).path("tokens").path("output").asInt(), equalTo(8));
        }
    }

    @Test
    void shouldRefuseAtConnectTimeAProviderWhoseNameResolvesToLoopback() {
        // provider "internal" is the simulator under the name localhost: the name passed any write-time check
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"internal:gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(502)
                .body("error.code", equalTo("all_attempts_failed"))
                .body("error.message", containsString("refused by the upstream address policy"));
        assertThat(SimulatorClient.received("/v1/chat/completions").size(), equalTo(0));
    }

    @Test
    void shouldNeverForwardHopByHopContentOrHostHeadersFromExtraHeaders() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .header("connection", "keep-alive, x-client-secret").header("x-client-secret", "nope")
                .header("te", "trailers")
                .body("{\"model\":\"backup:gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        SimulatorClient.Recorded sent = SimulatorClient.received("/v1/chat/completions").get(0);
        assertThat(sent.header("x-extra"), equalTo("kept"));
        for (String name : List.of("upgrade", "te", "trailer", "keep-alive", "x-client-secret")) {
            assertThat(name, sent.header(name), nullValue());
        }
        assertThat(sent.header("content-type"), equalTo("application/json"));
        assertThat(sent.header("accept-encoding"), equalTo("identity"));
        assertThat(sent.header("host"), not(equalTo("evil.example")));
    }
}
