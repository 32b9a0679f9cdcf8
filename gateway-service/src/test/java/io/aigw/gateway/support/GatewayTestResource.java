package io.aigw.gateway.support;

import io.aigw.e2e.simulator.ProviderSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the provider simulator and the control-plane stub before the gateway, and points the gateway's
 * internal-API URLs at the stub. Tests reach both over HTTP ({@link SimulatorClient}, {@link ControlPlaneClient}).
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private ProviderSimulator simulator;
    private ControlPlaneStub stub;
    private String limitsFailMode = "open";
    private int cooldownFailures;
    private String retryBudget;

    /**
     * Init args `limitsFailMode` (`open` by default) and `cooldownFailures` (0 = cooldowns off, by default) go into the
     * gateway settings document; `retryBudget` (`<ratio>,<minRetriesPerSecond>`, none by default) replaces the tests'
     * unbounded retry budget.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        limitsFailMode = initArgs.getOrDefault("limitsFailMode", "open");
        cooldownFailures = Integer.parseInt(initArgs.getOrDefault("cooldownFailures", "0"));
        retryBudget = initArgs.get("retryBudget");
    }

    @Override
    public Map<String, String> start() {
        simulator = ProviderSimulator.start();
        var config = TestDocuments.config(limitsFailMode, cooldownFailures);
        if (retryBudget != null) {
            String[] parts = retryBudget.split(",");
            ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("settings").get("cooldown"))
                    .put("retryRatio", Double.parseDouble(parts[0])).put("minRetriesPerSecond", Integer.parseInt(parts[1]));
        }
        stub = new ControlPlaneStub(TestDocuments.catalog(simulator.baseUrl()), config, TestDocuments.providerKeys(),
                TestDocuments.KEY_VALUES);
        TestKeys.register(stub);
        return Map.of("aigw.gateway.catalog-url", stub.baseUrl(), "aigw.gateway.config-url", stub.baseUrl(),
                "aigw.gateway.keys-url", stub.baseUrl(), "aigw.test.simulator-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
