package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallRequests.anthropic;
import static io.aigw.gateway.firewall.FirewallRequests.openAi;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code decision} rules on the tool calls a model returns (TestDocuments {@code judged-tools}, {@code cleared-tools},
 * {@code hanging-tools}): the simulator model is made to call {@code wire_money}, whose argument is unique per test (so
 * that no verdict is reused across tests); the judge, a simulator model with a scripted verdict, is asked about the
 * call once it is complete, streamed or not.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ToolCallDecisionProxyTest {

    @TestHTTPResource("/")
    URI gateway;

    private String to;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
        to = "acct-" + UUID.randomUUID();
    }

    /** A chat request whose model must call {@code wire_money} with {@code {"to": <this test's account>}}. */
    private String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"pay\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"wire_money\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"to\":{\"type\":\"string\",\"enum\":[\"" + to + "\"]}}}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"wire_money\"}}}";
    }

    private String messages(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":50,\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"pay\"}],\"tools\":[{\"name\":\"wire_money\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"to\":{\"type\":\"string\",\"enum\":[\"" + to + "\"]}}}}],"
                + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"wire_money\"}}";
    }

    /** The judge calls about this test's tool call. */
    private List<SimulatorClient.Recorded> judged(String script) {
        return FirewallRequests.judgeCalls(script, to);
    }

    @Test
    void shouldDropAToolCallTheJudgeFindsRiskyFromAChatStreamAndTellTheAgentWhy() {
        String body = openAi(TestKeys.FIREWALL_TOOLS_JUDGED)
                .body(chat("openai:gpt-4o@chunks=12", true))
                .when().post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"name\":\"wire_money\"")));
        assertThat(body, not(containsString(to)));
        assertThat(body, containsString("was blocked by firewall policy \\\"judged-tools\\\" rule \\\"tool-money\\\""));
        assertThat(body, containsString("\"finish_reason\":\"stop\""));
        assertThat(body.strip(), endsWith("data: [DONE]"));
        List<SimulatorClient.Recorded> judge = judged("reply=MATCH");
        assertThat("the judge was asked about the whole call", judge.size(), equalTo(1));
        assertThat(judge.get(0).body(), containsString("wire_money"));
    }

    @Test
    void shouldReplaceAToolUseTheJudgeFindsRiskyInANonStreamedAnswerAndRecordTheRule() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = anthropic(TestKeys.FIREWALL_TOOLS_JUDGED).body(messages("anthropic:claude-sonnet-4-5", false))
                    .when().post("/v1/messages").then().statusCode(200)
                    .body("content.find { it.type == 'tool_use' }", nullValue())
                    .body("content.find { it.type == 'text' }.text", containsString("rule \"tool-money\""))
                    .body("stop_reason", equalTo("end_turn"))
                    .extract().header("X-AIGW-Request-Id");
            JsonNode firewall = usage.eventsOf(requestId, 1).get(0).path("firewall");
            assertThat(firewall.toString(), firewall.path(0).path("ruleId").asText(), equalTo("tool-money"));
            assertThat(firewall.path(0).path("target").asText(), equalTo("toolCall"));
            assertThat(firewall.path(0).path("action").asText(), equalTo("block"));
            assertThat(firewall.toString(), not(containsString(to)));
        }
    }

    @Test
    void shouldPassAToolCallTheJudgeClearsAndAskTheJudgeOnceForTheSameCall() {
        for (int i = 0; i < 2; i++) {
            String body = openAi(TestKeys.FIREWALL_TOOLS_CLEARED)
                    .body(chat("openai:gpt-4o@chunks=12", true))
                    .when().post("/v1/chat/completions").then().statusCode(200).extract().asString();
            assertThat(body, containsString("\"name\":\"wire_money\""));
            assertThat(body, containsString("\"finish_reason\":\"tool_calls\""));
            assertThat(body, not(containsString("AIGW firewall")));
        }
        assertThat("the second call's verdict came from the cache", judged("reply=NO_MATCH").size(), equalTo(1));
        openAi(TestKeys.FIREWALL_TOOLS_CLEARED)
                .body(chat("openai:gpt-4o", false))
                .when().post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.tool_calls[0].function.name", equalTo("wire_money"));
    }

    @Test
    void shouldDropAToolUseFromAnAnthropicStreamWhenItsJudgeTimesOutUnderOnErrorBlock() {
        String body = anthropic(TestKeys.FIREWALL_TOOLS_HANG).body(messages("anthropic:claude-sonnet-4-5@chunks=12", true))
                .when().post("/v1/messages").then().statusCode(200).extract().asString();
        assertThat(body, not(containsString("\"type\":\"tool_use\"")));
        assertThat(body, containsString("rule \\\"tool-slow\\\""));
        assertThat(body, containsString("\"stop_reason\":\"end_turn\""));
        assertThat(body, containsString("event: message_stop"));
    }

    @Test
    void shouldRecordAClientThatLeavesWhileAStreamedToolCallAwaitsItsVerdictAsCancelled() throws Exception {
        // the tool call's events are all held, so the client sees nothing (not even the headers) before the verdict
        JsonNode event = leaveWhileJudged(chat("openai:gpt-4o@chunks=7", true), "@chunks=7");
        assertThat(event.toString(), event.path("outcome").asText(), equalTo("client_cancelled"));
        assertThat(event.path("status").asInt(), equalTo(499));
        assertThat(event.path("final").asBoolean(), equalTo(true));
        assertThat("the tokens the stream reported", event.path("tokens").path("output").asInt(), greaterThan(0));
    }

    @Test
    void shouldRecordTheTokensOfAnAnswerWhoseClientLeftWhileItsToolCallAwaitedItsVerdict() throws Exception {
        JsonNode event = leaveWhileJudged(chat("openai:gpt-4o@usage=on", false), "@usage=on");
        assertThat(event.toString(), event.path("outcome").asText(), equalTo("client_cancelled"));
        assertThat(event.path("status").asInt(), equalTo(499));
        assertThat(event.path("final").asBoolean(), equalTo(true));
        assertThat("the tokens the answer reported", event.path("tokens").path("output").asInt(), greaterThan(0));
        assertThat(event.path("tokens").path("estimated").asBoolean(), equalTo(false));
    }

    /**
     * Sends {@code body} under the key whose tool-call judge hangs (until the judge timeout), waits until the judge was
     * asked and the model's stream (if any) is over, then closes the connection: the usage event of the attempt whose
     * model ends with {@code model}.
     */
    private JsonNode leaveWhileJudged(String json, String model) throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader(); Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nhost: " + gateway.getHost() + "\r\nauthorization: Bearer "
                    + TestKeys.FIREWALL_TOOLS_HANG + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            long until = System.currentTimeMillis() + 5_000;
            while ((judged("hang=1").isEmpty() || openStreams() > 0) && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertThat("the judge was asked", judged("hang=1").size(), equalTo(1));
            socket.close();
            List<JsonNode> events = usage.eventsWhere(e -> e.path("modelId").asText().endsWith(model), 1);
            assertThat(events.size(), equalTo(1));
            return events.get(0);
        }
    }

    private static int openStreams() {
        return given().get(io.aigw.gateway.support.SimulatorClient.baseUrl() + "/_sim/health").then().extract().path("openStreams");
    }
}
