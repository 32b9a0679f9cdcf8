package io.aigw.e2e.simulator.behavior;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests of each {@code scenario}, so {@code status-seq} hands the k-th request its k-th status. */
public final class ScenarioCounters {

    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    /** The status this request of the scenario gets: the k-th of the sequence, the last one repeating. */
    public int nextStatus(Behavior behavior) {
        int k = counters.computeIfAbsent(behavior.scenarioName(), s -> new AtomicInteger()).getAndIncrement();
        var sequence = behavior.statusSequence();
        return sequence.get(Math.min(k, sequence.size() - 1));
    }

    public void reset() {
        counters.clear();
    }
}
