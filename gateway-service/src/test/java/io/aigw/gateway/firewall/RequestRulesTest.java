package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.Surface;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"deploy to prod\"}]}";

    private static RequestVerdict inspect(Firewall firewall) {
        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
        return RequestInspector.inspect(firewall, Surface.CHAT_COMPLETIONS, bytes, bytes.length);
    }

    @Test
    void shouldAddTheHeadersRulesAsOneMoreEnforcingPolicy() {
        Firewall firewall = RequestRules.add(Firewall.NONE, "[{\"id\":\"no-prod\",\"kind\":\"regex\",\"pattern\":\"prod\"}]");
        RequestVerdict verdict = inspect(firewall);
        assertEquals("request", verdict.blocked().policyId());
        assertEquals("no-prod", verdict.blocked().ruleId());
    }

    @Test
    void shouldNeverLetTheHeaderWeakenTheConfiguredPolicies() {
        Firewall configured = enforce(regex("deploy", "softDeny", "block", "deploy"));
        Firewall firewall = RequestRules.add(configured,
                "[{\"id\":\"let-me\",\"kind\":\"regex\",\"tier\":\"allow\",\"pattern\":\"deploy\"}]");
        assertEquals("deploy", inspect(firewall).blocked().ruleId());
        assertSame(configured, RequestRules.add(configured, null));
    }

    @Test
    void shouldRefuseAMalformedHeaderWithInvalidRequest() {
        for (String header : new String[] {"not json", "[]", "[{\"id\":\"x\",\"kind\":\"decision\",\"statement\":\"s\"}]",
                "[{\"id\":\"x\",\"kind\":\"regex\",\"pattern\":\"(a)\\\\1\"}]",
                "[{\"id\":\"x\",\"kind\":\"regex\",\"pattern\":\"a\",\"action\":\"allow\"}]",
                "[{\"id\":\"x\",\"kind\":\"pii\",\"detectors\":[\"dna\"]}]"}) {
            GatewayException e = assertThrows(GatewayException.class, () -> RequestRules.add(Firewall.NONE, header), header);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertTrue(e.getMessage().startsWith("The X-AIGW-Firewall header"), e.getMessage());
        }
    }
}
