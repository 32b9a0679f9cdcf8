package io.aigw.gateway.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * This replica's balancing state: a rotating counter per `keys` step (round-robin) and the attempts in flight
 * per provider key (least-busy); weighted orders (`weighted` keys, `balance` models) are drawn afresh per request.
 * Thread-safe; every event loop shares one instance.
 */
public final class KeyBalancer {

    private final Map<RoutingRule.Step, AtomicLong> turns = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final DoubleSupplier random;

    public KeyBalancer() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random}: uniform in [0, 1), for tests that want a seed. */
    public KeyBalancer(DoubleSupplier random) {
        this.random = random;
    }

    /** The step's keys (or a `balance` step's models) in the order to try them for one request. */
    public List<String> order(RoutingRule.Step step) {
        List<String> keys = step.values();
        if (keys.size() < 2) {
            return keys;
        }
        if (step.balance()) {
            return weighted(step);
        }
        return switch (step.strategy()) {
            case ORDERED -> keys;
            case WEIGHTED -> weighted(step);
            case ROUND_ROBIN -> rotated(step);
            case LEAST_BUSY -> {
                List<String> rotated = new ArrayList<>(rotated(step));
                rotated.sort(Comparator.comparingInt(this::inFlight)); // stable: ties keep the rotation
                yield rotated;
            }
        };
    }

    /** An attempt on this key started; call {@link #release} exactly once when it ends. */
    public void acquire(String keyId) {
        busy.computeIfAbsent(keyId, k -> new AtomicInteger()).incrementAndGet();
    }

    public void release(String keyId) {
        AtomicInteger count = busy.get(keyId);
        if (count != null) {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    public int inFlight(String keyId) {
        AtomicInteger count = busy.get(keyId);
        return count == null ? 0 : count.get();
    }

    private List<String> rotated(RoutingRule.Step step) {
        List<String> keys = step.values();
        int n = keys.size();
        int start = (int) Math.floorMod(turns.computeIfAbsent(step, s -> new AtomicLong()).getAndIncrement(), (long) n);
        List<String> out = new ArrayList<>(n);
        out.addAll(keys.subList(start, n));
        out.addAll(keys.subList(0, start));
        return out;
    }

    /** Efraimidis–Spirakis: sort by u^(1/w) descending, so key i comes first with probability w_i / Σw. */
    private List<String> weighted(RoutingRule.Step step) {
        List<String> keys = step.values();
        int n = keys.size();
        Integer[] index = new Integer[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
            score[i] = Math.log(1.0 - random.getAsDouble()) / step.weight(keys.get(i)); // log(u)/w, monotone in u^(1/w)
        }
        Arrays.sort(index, (a, b) -> Double.compare(score[b], score[a]));
        List<String> out = new ArrayList<>(n);
        for (Integer i : index) {
            out.add(keys.get(i));
        }
        return out;
    }
}
