package io.aigw.e2e.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with its own simulator (random port, default keys) started once for all its tests. */
abstract class SimulatorTest {

    static ProviderSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = ProviderSimulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }
}
