package io.aigw.gateway.routing;

import java.util.ArrayDeque;

/**
 * One backend's circuit breaker: failures in the window, the end of the cooldown (0 = closed), the half-open probe.
 * Its methods are synchronized: every event loop shares it.
 */
final class Breaker {

    private final ArrayDeque<Long> failures = new ArrayDeque<>(4);
    /** Epoch ms until which nothing passes; 0 = closed. */
    private long openUntil;
    private boolean probing;
    private long probeSince;

    /** The ms still to wait, without taking a probe. */
    synchronized long waitFor(long now) {
        if (openUntil == 0) {
            return 0;
        }
        if (now < openUntil) {
            return openUntil - now;
        }
        return probing ? 1 : 0;
    }

    /** 0 = pass, {@link #PROBE} = pass as the half-open probe (taken), else the ms to wait. */
    synchronized long admit(long now, long probeTimeout) {
        if (openUntil == 0) {
            return 0;
        }
        if (now < openUntil) {
            return openUntil - now;
        }
        if (!probing || now - probeSince > probeTimeout) {
            probing = true;
            probeSince = now;
            return PROBE;
        }
        return 1;
    }

    static final long PROBE = -1;

    /** The probe taken was not sent (another replica probes): the next request may take it again. */
    synchronized void releaseProbe() {
        probing = false;
    }

    /** Counts a failure; answers the end of a cooldown it started, else 0. */
    synchronized long failure(long now, int threshold, long window, long duration) {
        if (openUntil != 0 && now >= openUntil) { // the probe (or a request of before) failed: open again
            return open(now + duration);
        }
        if (openUntil != 0) {
            return 0;
        }
        failures.addLast(now);
        while (!failures.isEmpty() && failures.peekFirst() <= now - window) {
            failures.removeFirst();
        }
        return failures.size() >= threshold ? open(now + duration) : 0;
    }

    synchronized long openUntil(long until) {
        return open(until);
    }

    private long open(long until) {
        openUntil = until;
        probing = false;
        failures.clear();
        return until;
    }

    /** Cools down until {@code until} unless already longer; answers whether it changed. */
    synchronized boolean coolUntil(long until) {
        if (until <= openUntil) {
            return false;
        }
        open(until);
        return true;
    }

    synchronized boolean success() {
        boolean wasOpen = openUntil != 0;
        openUntil = 0;
        probing = false;
        failures.clear();
        return wasOpen;
    }

    synchronized boolean idle(long now, long window) {
        return openUntil == 0 && (failures.isEmpty() || failures.peekLast() <= now - window);
    }

    /** This breaker's state at {@code now}, counting failures within {@code window}, for the health view. */
    synchronized BackendHealth view(String backend, long now, long window) {
        String state = openUntil == 0 ? "closed" : now < openUntil ? "open" : probing ? "probing" : "half-open";
        long recent = failures.stream().filter(t -> t > now - window).count();
        return new BackendHealth(backend, state, (int) recent, openUntil == 0 ? null : openUntil,
                openUntil > now ? openUntil - now : 0);
    }
}
