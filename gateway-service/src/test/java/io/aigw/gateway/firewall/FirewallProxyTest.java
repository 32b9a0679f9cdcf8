package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallRequests.anthropic;
import static io.aigw.gateway.firewall.FirewallRequests.openAi;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The firewall policies of TestDocuments through the proxy and the simulator: `agent-guard` (enforce) on
 * {@link TestKeys#FIREWALLED}, `watch` (audit) on {@link TestKeys#FIREWALL_AUDIT}.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class FirewallProxyTest {

    private static final String SHELL_TOOL_CHAT = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"shell.exec\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"cmd\":{\"type\":\"string\"}}}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";
    private static final String SHELL_TOOL_ANTHROPIC = "\"tools\":[{\"name\":\"shell.exec\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"cmd\":{\"type\":\"string\"}}}}]";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    @Test
    void shouldRefuseAChatRequestABlockRuleMatchesWithFirewallBlockedInOpenAisEnvelope() {
        openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"my password: hunter2\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("firewall_blocked"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("\"agent-guard\""))
                .body("error.message", containsString("\"passwords\""))
                .body("error.message", not(containsString("hunter2")));
        assertThat("nothing reached the provider", SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldRefuseAMessagesRequestInAnthropicsEnvelope() {
        anthropic(TestKeys.FIREWALLED).body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"PASSWORD=hunter2\"}]}]}")
                .when().post("/v1/messages").then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("\"passwords\""))
                .body("error.message", not(containsString("hunter2")));
        assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldForwardRedactedEmailsSoTheProviderNeverSeesThem() throws Exception {
        double before = Metrics.value("aigw_firewall_decisions_total{action=\"redact\",policy=\"fwp_guard00000000001\",rule=\"emails\"}");
        openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"temperature\":0.5,\"messages\":[{\"role\":\"system\",\"content\":"
                        + "\"Escalate to ops@example.com\"},{\"role\":\"user\",\"content\":\"I am jane.doe@example.org\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).body("object", equalTo("chat.completion"));
        String upstream = SimulatorClient.received("/v1/chat/completions").get(0).body();
        assertThat(upstream, containsString("Escalate to [REDACTED_EMAIL]"));
        assertThat(upstream, containsString("I am [REDACTED_EMAIL]"));
        assertThat(upstream, not(containsString("example")));
        assertThat(upstream, containsString("\"temperature\":0.5"));
        Metrics.awaitAtLeast("aigw_firewall_decisions_total{action=\"redact\",policy=\"fwp_guard00000000001\",rule=\"emails\"}",
                before + 1);
    }

    @Test
    void shouldLeaveTheAnswerToARedactedRequestAsTheProviderWroteIt() {
        // redaction rewrites what goes up, never what comes back: the same request without a firewall gets the same answer
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"I am jane.doe@example.org\"}]}";
        List<Object> redacted = openAi(TestKeys.FIREWALLED).body(body).when().post("/v1/chat/completions")
                .then().statusCode(200).extract().jsonPath().getList("choices");
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).body(), containsString("[REDACTED_EMAIL]"));
        List<Object> plain = openAi(TestKeys.ALLOW_ALL).body(body).when().post("/v1/chat/completions")
                .then().statusCode(200).extract().jsonPath().getList("choices");
        assertThat(redacted, equalTo(plain));
        assertThat(redacted.toString(), containsString("Hello! This is the AIGW provider simulator speaking."));
    }

    @Test
    void shouldRedactAnAnthropicToolResultBeforeForwarding() {
        anthropic(TestKeys.FIREWALLED).body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":["
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\","
                        + "\"content\":\"owner: bob@example.net\"}]}]}")
                .when().post("/v1/messages").then().statusCode(200).body("type", equalTo("message"));
        String upstream = SimulatorClient.received("/v1/messages").get(0).body();
        assertThat(upstream, containsString("owner: [REDACTED_EMAIL]"));
        assertThat(upstream, not(containsString("bob@example.net")));
    }

    @Test
    void shouldRemoveABlockedChatToolCallAndTellTheAgentWhy() {
        openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"list files\"}],"
                        + SHELL_TOOL_CHAT + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"shell.exec\"}}}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.tool_calls", nullValue())
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("choices[0].message.content", containsString("\"shell.exec\" was blocked by firewall policy \"agent-guard\" rule \"no-shell\""));
    }

    @Test
    void shouldPassAnAllowedChatToolCallUntouched() {
        openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
                        + SHELL_TOOL_CHAT + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].finish_reason", equalTo("tool_calls"));
    }

    @Test
    void shouldReplaceABlockedAnthropicToolUseByATextBlock() {
        anthropic(TestKeys.FIREWALLED).body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"run ls\"}]," + SHELL_TOOL_ANTHROPIC + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"shell.exec\"}}")
                .when().post("/v1/messages").then().statusCode(200)
                .body("content.find { it.type == 'tool_use' }", nullValue())
                .body("content.find { it.type == 'text' }.text", containsString("rule \"no-shell\""))
                .body("stop_reason", equalTo("end_turn"));
    }

    @Test
    void shouldOnlyRecordMatchesInAuditMode() throws Exception {
        String series = "aigw_firewall_decisions_total{action=\"audit\",policy=\"fwp_watch00000000001\",rule=\"cards\"}";
        double before = Metrics.value(series);
        openAi(TestKeys.FIREWALL_AUDIT).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"card 4111 1111 1111 1111\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).body("choices[0].message", notNullValue());
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).body(), containsString("4111 1111 1111 1111"));
        Metrics.awaitAtLeast(series, before + 1);
    }

    @Test
    void shouldLeaveKeysWithoutAFirewallAlone() {
        openAi(TestKeys.ALLOW_ALL).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"password=x jane@example.org\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).body(), containsString("jane@example.org"));
    }

    @Test
    void shouldApplyRulesARequestAddsInTheFirewallHeaderAndNeverForwardTheHeader() {
        openAi(TestKeys.ALLOW_ALL).header("X-AIGW-Firewall", "[{\"id\":\"no-deploy\",\"kind\":\"regex\",\"pattern\":\"deploy\"}]")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"deploy now\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("firewall_blocked"))
                .body("error.message", containsString("\"no-deploy\""));
        openAi(TestKeys.ALLOW_ALL).header("X-AIGW-Firewall", "[{\"id\":\"no-deploy\",\"kind\":\"regex\",\"pattern\":\"deploy\"}]")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).header("x-aigw-firewall"), nullValue());
        openAi(TestKeys.ALLOW_ALL).header("X-AIGW-Firewall", "{not json")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("invalid_request"))
                .body("error.param", equalTo("X-AIGW-Firewall"));
    }

    @Test
    void shouldDropABlockedToolCallFromAChatStreamAndKeepTheStreamValid() {
        String body = openAi(TestKeys.FIREWALLED).body("{\"model\":\"openai:gpt-4o@chunks=6\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"list files\"}]," + SHELL_TOOL_CHAT
                        + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"shell.exec\"}}}")
                .when().post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"name\":\"shell.exec\"")));
        assertThat(body, containsString("was blocked by firewall policy \\\"agent-guard\\\" rule \\\"no-shell\\\""));
        assertThat(body, containsString("\"finish_reason\":\"stop\""));
        assertThat(body.strip(), org.hamcrest.Matchers.endsWith("data: [DONE]"));
    }

    @Test
    void shouldReplaceABlockedToolUseInAnAnthropicStreamByATextBlock() {
        String body = anthropic(TestKeys.FIREWALLED).body("{\"model\":\"anthropic:claude-sonnet-4-5@chunks=6\",\"max_tokens\":50,"
                        + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"run ls\"}]," + SHELL_TOOL_ANTHROPIC
                        + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"shell.exec\"}}")
                .when().post("/v1/messages").then().statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"type\":\"tool_use\"")));
        assertThat(body, containsString("rule \\\"no-shell\\\""));
        assertThat(body, containsString("\"stop_reason\":\"end_turn\""));
        assertThat(body, containsString("event: message_stop"));
    }

    @Test
    void shouldPutEveryMatchOnTheUsageEventOfItsAttemptWithoutTheMatchedText() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"I am jane.doe@example.org, list files\"}]," + SHELL_TOOL_CHAT
                            + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"shell.exec\"}}}")
                    .when().post("/v1/chat/completions").then().statusCode(200)
                    .body("choices[0].message.tool_calls", nullValue())
                    .extract().header("X-AIGW-Request-Id");
            List<JsonNode> events = usage.eventsOf(requestId, 1);
            assertThat(events.size(), equalTo(1));
            JsonNode firewall = events.get(0).get("firewall");
            assertThat(firewall.toString(), firewall.size(), equalTo(2));
            assertThat(firewall.get(0).get("policyId").asText(), equalTo("fwp_guard00000000001"));
            assertThat(firewall.get(0).get("ruleId").asText(), equalTo("emails"));
            assertThat(firewall.get(0).get("action").asText(), equalTo("redact"));
            assertThat(firewall.get(0).get("target").asText(), equalTo("user"));
            assertThat(firewall.get(0).get("type").asText(), equalTo("EMAIL"));
            assertThat(firewall.get(1).get("ruleId").asText(), equalTo("no-shell"));
            assertThat(firewall.get(1).get("tier").asText(), equalTo("hardDeny"));
            assertThat(firewall.get(1).get("action").asText(), equalTo("block"));
            assertThat(firewall.get(1).get("target").asText(), equalTo("toolCall"));
            assertThat(events.get(0).toString(), not(containsString("jane.doe")));
        }
    }

    @Test
    void shouldPutAStreamsBlockedToolCallOnItsUsageEvent() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = anthropic(TestKeys.FIREWALLED).body("{\"model\":\"anthropic:claude-sonnet-4-5@chunks=6\","
                            + "\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"run ls\"}],"
                            + SHELL_TOOL_ANTHROPIC + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"shell.exec\"}}")
                    .when().post("/v1/messages").then().statusCode(200).extract().header("X-AIGW-Request-Id");
            List<JsonNode> events = usage.eventsOf(requestId, 1);
            assertThat(events.get(0).path("firewall").toString(), events.get(0).path("firewall").path(0).path("ruleId").asText(),
                    equalTo("no-shell"));
            assertThat(events.get(0).path("firewall").path(0).path("target").asText(), equalTo("toolCall"));
        }
    }

    @Test
    void shouldPutARefusedRequestInTheLedgerWithItsRuleAndNothingCharged() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"my password: hunter2\"}]}")
                    .when().post("/v1/chat/completions").then().statusCode(400)
                    .body("error.code", equalTo("firewall_blocked")).extract().header("X-AIGW-Request-Id");
            List<JsonNode> events = usage.eventsOf(requestId, 1);
            assertThat(events.size(), equalTo(1));
            JsonNode event = events.get(0);
            assertThat("no upstream attempt was made", event.get("attempt").asInt(), equalTo(0));
            assertThat(event.get("final").asBoolean(), equalTo(true));
            assertThat(event.get("status").asInt(), equalTo(400));
            assertThat(event.get("outcome").asText(), equalTo("firewall_blocked"));
            assertThat(event.get("modelId").asText(), equalTo("gpt-4o"));
            assertThat(event.get("providerKeyId").isNull(), equalTo(true));
            assertThat(event.at("/tokens/input").asLong() + event.at("/tokens/output").asLong(), equalTo(0L));
            assertThat(event.get("costUsd").decimalValue().signum(), equalTo(0));
            assertThat(event.at("/firewall/0/ruleId").asText(), equalTo("passwords"));
            assertThat(event.at("/firewall/0/action").asText(), equalTo("block"));
            assertThat(event.toString(), not(containsString("hunter2")));
        }
    }

    @Test
    void shouldLeaveTheFirewallOffTheUsageEventWhenNothingMatched() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = openAi(TestKeys.FIREWALLED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"hello\"}]}")
                    .when().post("/v1/chat/completions").then().statusCode(200).extract().header("X-AIGW-Request-Id");
            assertThat(usage.eventsOf(requestId, 1).get(0).has("firewall"), equalTo(false));
        }
    }
}
