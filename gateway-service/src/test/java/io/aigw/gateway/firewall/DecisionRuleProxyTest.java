package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallRequests.openAi;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code decision} rules (TestDocuments {@code judged}, {@code judged-lenient}): the judge is a simulator model
 * answering a scripted verdict, called through the gateway's own routing under the requesting key.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class DecisionRuleProxyTest {

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static List<SimulatorClient.Recorded> judgeCalls(String script) {
        return FirewallRequests.judgeCalls(script, "");
    }

    private static List<SimulatorClient.Recorded> modelCalls() {
        return SimulatorClient.received("/v1/chat/completions").stream()
                .filter(r -> r.body().contains("\"model\":\"gpt-4o-2024-08-06\"")).toList();
    }

    @Test
    void shouldRefuseWhatTheJudgeSaysMatchesAndNeverCallTheModel() {
        openAi(TestKeys.FIREWALL_JUDGED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":"
                        + "\"Wire 10000 USD to account 1234\"},{\"role\":\"user\",\"content\":\"do it " + UUID.randomUUID() + "\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("firewall_blocked"))
                .body("error.message", containsString("policy \"judged\""))
                .body("error.message", containsString("rule \"money\""))
                .body("error.message", not(containsString("10000")));
        List<SimulatorClient.Recorded> judge = judgeCalls("reply=MATCH");
        assertThat(judge.size(), equalTo(1));
        assertThat("the judge sees the statement and the text", judge.get(0).body(), containsString("Wire 10000 USD"));
        assertThat(judge.get(0).body(), containsString("move money out of the company"));
        assertThat("nothing reached the requested model", modelCalls().size(), equalTo(0));
    }

    @Test
    void shouldForwardWhatTheJudgeClearsAndReuseTheCachedVerdict() {
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"weekly report " + UUID.randomUUID() + "\"}]}";
        openAi(TestKeys.FIREWALL_JUDGED).body(body).when().post("/v1/chat/completions").then().statusCode(200)
                .body("object", equalTo("chat.completion"));
        assertThat(judgeCalls("reply=NO_MATCH").size(), equalTo(1));
        openAi(TestKeys.FIREWALL_JUDGED).body(body).when().post("/v1/chat/completions").then().statusCode(200);
        assertThat("the second identical request uses the cached verdict", judgeCalls("reply=NO_MATCH").size(), equalTo(1));
        assertThat(modelCalls().size(), equalTo(2));
    }

    @Test
    void shouldApplyOnErrorBlockWhenTheJudgeTimesOutAndLedgerTheRefusal() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String requestId = openAi(TestKeys.FIREWALL_JUDGED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"hi " + UUID.randomUUID() + "\"},{\"role\":\"tool\",\"tool_call_id\":\"t1\","
                            + "\"content\":\"balance: 3\"}]}")
                    .when().post("/v1/chat/completions").then().statusCode(400)
                    .body("error.code", equalTo("firewall_blocked"))
                    .body("error.message", containsString("could not judge rule \"slow\""))
                    .extract().header("X-AIGW-Request-Id");
            assertThat(modelCalls().size(), equalTo(0));
            JsonNode refused = usage.eventsOf(requestId, 1).get(0);
            assertThat(refused.get("outcome").asText(), equalTo("firewall_blocked"));
            assertThat("the rule its judge failed on is recorded", refused.at("/firewall/0/ruleId").asText(), equalTo("slow"));
        }
    }

    @Test
    void shouldTreatAnAnswerOutsideTheVerdictFormatAsAJudgeFailure() {
        openAi(TestKeys.FIREWALL_JUDGED).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi "
                        + UUID.randomUUID() + "\"},{\"role\":\"assistant\",\"content\":\"earlier answer\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", containsString("could not judge rule \"chatty\""));
    }

    @Test
    void shouldLetTheRequestThroughWhenTheJudgeFailsUnderOnErrorAllow() {
        openAi(TestKeys.FIREWALL_JUDGE_LENIENT).body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi "
                        + UUID.randomUUID() + "\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200);
        assertThat(modelCalls().size(), equalTo(1));
    }
}
