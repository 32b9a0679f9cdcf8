package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A firewall policy made and changed through config-service is enforced by every gateway replica, like a
 * configuration (issue 17): a request the policy's rule matches is refused with {@code firewall_blocked} on both,
 * and after the rule's pattern is changed, the old text passes and the new one is refused, on both.
 */
class FirewallPolicyOnBothReplicasIT {

    private final RunningSuite suite = new RunningSuite();
    private final SuiteAdmin admin = new SuiteAdmin(suite);
    private final Replicas replicas = new Replicas(suite);

    private HttpResponse<String> say(String gateway, String token, String text) {
        String body = """
                {"model":"simulator:sim-chat","messages":[{"role":"user","content":"%s"}]}""".formatted(text);
        return suite.gatewayPost(gateway, "/v1/chat/completions", token, body);
    }

    /** A policy document with one regex rule, {@code no-deploy}; {@code name} null for a PATCH of the rules only. */
    private static String policy(String name, String pattern) {
        ObjectNode body = RunningSuite.JSON.createObjectNode();
        if (name != null) {
            body.put("name", name).put("mode", "enforce").put("onError", "block");
        }
        body.putArray("rules").addObject().put("id", "no-deploy").put("kind", "regex").put("tier", "hardDeny")
                .put("action", "block").put("pattern", pattern).putArray("targets").add("user");
        return body.toString();
    }

    @Test
    void policyChangeAppliesOnBothReplicas() {
        assertTrue(replicas.urls().size() >= 2, "needs two gateway replicas (AIGW_E2E_GATEWAY_URLS): " + replicas.urls());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = suite.admin("POST", suite.configUrl + "/admin/v1/firewall-policies",
                policy("e2e-fw-" + suffix, "deploy-now-\\d+"));
        assertEquals(201, created.statusCode(), created.body());
        String policyId = RunningSuite.json(created).path("id").asText();
        String configurationId = null;
        SuiteAdmin.AccessKey key = null;
        try {
            HttpResponse<String> configuration = suite.admin("POST", suite.configUrl + "/admin/v1/configurations",
                    "{\"name\":\"e2e-fw-" + suffix + "\",\"firewall\":{\"policies\":[\"" + policyId + "\"]}}");
            assertEquals(201, configuration.statusCode(), configuration.body());
            configurationId = RunningSuite.json(configuration).path("id").asText();
            key = admin.createAccessKey("e2e firewall on both replicas", configurationId);
            String token = key.token();

            for (String gateway : replicas.urls()) {
                HttpResponse<String> refused = Eventually.within(Duration.ofSeconds(20), "policy enforced by " + gateway,
                        () -> say(gateway, token, "please deploy-now-1"), r -> r.statusCode() == 400);
                assertEquals("firewall_blocked", Replicas.errorCode(refused), gateway);
                assertTrue(refused.body().contains("no-deploy") && !refused.body().contains("deploy-now-1"), refused.body());
                assertEquals(200, say(gateway, token, "please ship-it-1").statusCode(), gateway);
            }

            HttpResponse<String> changed = suite.admin("PATCH", suite.configUrl + "/admin/v1/firewall-policies/" + policyId,
                    policy(null, "ship-it-\\d+"));
            assertEquals(200, changed.statusCode(), changed.body());

            for (String gateway : replicas.urls()) {
                HttpResponse<String> refused = Eventually.within(Duration.ofSeconds(20), "changed policy on " + gateway,
                        () -> say(gateway, token, "please ship-it-2"), r -> r.statusCode() == 400);
                assertEquals("firewall_blocked", Replicas.errorCode(refused), gateway);
                assertEquals(200, say(gateway, token, "please deploy-now-2").statusCode(), gateway);
            }
        } finally {
            admin.delete(key);
            admin.deleteConfiguration(configurationId);
            Eventually.within(Duration.ofSeconds(20), "delete " + policyId,
                    () -> suite.admin("DELETE", suite.configUrl + "/admin/v1/firewall-policies/" + policyId, null),
                    r -> r.statusCode() != 409);
        }
    }
}
