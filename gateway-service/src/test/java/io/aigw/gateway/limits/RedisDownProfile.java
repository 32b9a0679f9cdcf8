package io.aigw.gateway.limits;

import io.aigw.gateway.support.GatewayTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Redis on a closed port; the control-plane stub's gateway settings say `limitsFailMode: <mode>`. */
abstract class RedisDownProfile implements QuarkusTestProfile {

    static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    abstract String mode();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "aigw.gateway.limits-timeout", "200ms", "aigw.gateway.limits-max-wait", "400ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayTestResource.class, Map.of("limitsFailMode", mode())));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    public static class FailOpen extends RedisDownProfile {
        @Override
        String mode() {
            return "open";
        }
    }

    public static class FailClosed extends RedisDownProfile {
        @Override
        String mode() {
            return "closed";
        }
    }
}
