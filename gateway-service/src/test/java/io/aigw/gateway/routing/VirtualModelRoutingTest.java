package io.aigw.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.ChangeEventsWriter;
import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.SyncReady;
import io.aigw.gateway.support.TestDocuments;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.sync.ChangeAssignments;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Virtual models (SPEC §1.2) against the provider simulator: failover through targets, scope, edits, `/v1/models`. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class VirtualModelRoutingTest {

    @Inject
    ChangeAssignments assignments;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static ValidatableResponse chat(String key, String model) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then();
    }

    @Test
    void shouldFailOverThroughTheTargetsInOrder() {
        chat(TestKeys.ALLOW_ALL, "vm-failover").statusCode(200)
                .header(GatewayHeaders.MODEL, "backup:gpt-4o-mini")
                .header(GatewayHeaders.ATTEMPTS, "2");
        List<String> models = SimulatorClient.received().stream().map(VirtualModelRoutingTest::modelSent).toList();
        org.hamcrest.MatcherAssert.assertThat(models, contains("vm-broken@status=500", "gpt-4o-mini"));
    }

    @Test
    void shouldMatchTheNameCaseInsensitively() {
        chat(TestKeys.ALLOW_ALL, "VM-Failover").statusCode(200).header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
    }

    @Test
    void shouldRecordATargetOutsideTheScopeOnTheAttemptTrace() throws Exception {
        try (io.aigw.gateway.support.UsageEventsReader usage = new io.aigw.gateway.support.UsageEventsReader()) {
            String requestId = given().auth().oauth2(TestKeys.SCOPED).contentType(ContentType.JSON)
                    .body("{\"model\":\"vm-scoped\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions").then().statusCode(200)
                    .extract().header(GatewayHeaders.REQUEST_ID);
            List<com.fasterxml.jackson.databind.JsonNode> attempts = usage.eventsOf(requestId, 1);
            org.hamcrest.MatcherAssert.assertThat(attempts.size(), equalTo(1));
            com.fasterxml.jackson.databind.JsonNode skipped = attempts.get(0).path("skipped");
            org.hamcrest.MatcherAssert.assertThat(skipped.size(), equalTo(1));
            org.hamcrest.MatcherAssert.assertThat(skipped.get(0).path("model").asText(),
                    equalTo("openrouter:anthropic/claude-3.5-sonnet"));
            org.hamcrest.MatcherAssert.assertThat(skipped.get(0).path("reason").asText(), equalTo("outside_scope"));
            org.hamcrest.MatcherAssert.assertThat(skipped.get(0).path("detail").asText(),
                    equalTo("virtual vm-scoped: outside the access scope"));
        }
    }

    @Test
    void shouldSkipTargetsOutsideTheScopeAndSayWhy() {
        chat(TestKeys.SCOPED, "vm-scoped").statusCode(200)
                .header(GatewayHeaders.MODEL, "openai:gpt-4o")
                .header(GatewayHeaders.ATTEMPTS, "1")
                .header(GatewayHeaders.SKIPPED, containsString(
                        "openrouter:anthropic/claude-3.5-sonnet (virtual vm-scoped): outside the access scope"));
        org.hamcrest.MatcherAssert.assertThat(SimulatorClient.received().size(), equalTo(1));
    }

    @Test
    void shouldRefuseAVirtualModelWhoseNameTheScopeDoesNotAllow() {
        chat(TestKeys.SCOPED, "vm-failover").statusCode(403).body("error.code", equalTo("model_not_allowed"))
                .body("error.param", equalTo("model"));
        org.hamcrest.MatcherAssert.assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldServeABareTargetFromAnyProviderThatHasThatModel() {
        chat(TestKeys.ALLOW_ALL, "vm-bare").statusCode(200).header(GatewayHeaders.MODEL, "backup:gpt-4o-mini")
                .header(GatewayHeaders.SKIPPED, nullValue());
    }

    @Test
    void shouldTakeAVirtualModelInTheModelsFallbacks() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:m@status=503\",\"models\":[\"vm-bare\"],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
    }

    @Test
    void shouldListVirtualModelsWithTheTargetsTheKeyMayReach() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).when().get("/v1/models").then().statusCode(200)
                .body("data.find { it.id == 'vm-failover' }.virtual", equalTo(true))
                .body("data.find { it.id == 'vm-failover' }.owned_by", equalTo("aigw"))
                .body("data.find { it.id == 'vm-failover' }.targets",
                        contains("openai:vm-broken@status=500", "backup:gpt-4o-mini"));
        given().auth().oauth2(TestKeys.SCOPED).when().get("/v1/models").then().statusCode(200)
                .body("data.id", hasItem("vm-scoped"))
                .body("data.id", not(hasItem("vm-failover")))
                .body("data.find { it.id == 'vm-scoped' }.targets", contains("openai:gpt-4o"));
    }

    @Test
    void shouldRouteAnEditedVirtualModelAtTheNextRequestAfterItsEvent() throws Exception {
        SyncReady.await(assignments);
        String name = "vm-edit-" + UUID.randomUUID().toString().substring(0, 8);
        ControlPlaneClient.putVirtualModel(TestDocuments.virtualModel(name, "openai:gpt-4o").toString());
        try (ChangeEventsWriter writer = new ChangeEventsWriter()) {
            writer.send("catalog-changes", event(name, "created", 1, "openai:gpt-4o"));
            awaitModel(name, "openai:gpt-4o");
            ControlPlaneClient.putVirtualModel(TestDocuments.virtualModel(name, "backup:gpt-4o-mini").toString());
            writer.send("catalog-changes", event(name, "updated", 2, "backup:gpt-4o-mini"));
            awaitModel(name, "backup:gpt-4o-mini");
        }
        chat(TestKeys.ALLOW_ALL, name).statusCode(200).header(GatewayHeaders.MODEL, "backup:gpt-4o-mini");
    }

    private static String modelSent(SimulatorClient.Recorded request) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body()).path("model").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(String name, String type, long version, String target) throws Exception {
        ObjectNode event = ChangeEventsWriter.fixture(ChangeEventsWriter.CATALOG, "virtual-model", "updated")
                .put("type", type).put("id", name).put("version", version);
        event.set("data", TestDocuments.virtualModel(name, target).put("version", version));
        return event;
    }

    /** The periodic refresh is off in tests: only the event can make the change routable. */
    private static void awaitModel(String name, String expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        String served = null;
        while (System.currentTimeMillis() < until) {
            var response = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body("{\"model\":\"" + name + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions");
            served = response.header(GatewayHeaders.MODEL);
            if (expected.equals(served)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " still served by " + served);
    }
}
