package io.aigw.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With `aigw.gateway.trace-propagation-upstream` on, each attempt sends its own span as the provider's parent. */
@QuarkusTest
@TestProfile(TracingProfile.Propagating.class)
@WithTestResource(GatewayTestResource.class)
class TracingPropagationTest {

    private static final String CLIENT_TRACE = "5bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void shouldSendTheAttemptsSpanUpstreamAsTheProvidersParent() throws Exception {
        GatewayReady.await();
        SimulatorClient.clear();
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .header("traceparent", "00-" + CLIENT_TRACE + "-00f067aa0ba902b7-01")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);

        SpanData attempt = InMemorySpans.await(exporter, CLIENT_TRACE, spans -> spans.stream()
                .anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat "))).stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat ")).findFirst().orElseThrow();
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).header("traceparent"),
                equalTo("00-" + CLIENT_TRACE + "-" + attempt.getSpanId() + "-01"));
    }
}
