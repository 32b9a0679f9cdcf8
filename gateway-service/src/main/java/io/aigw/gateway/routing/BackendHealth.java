package io.aigw.gateway.routing;

/**
 * One tracked backend as this replica sees it (the management port's {@code /q/backends}): {@code backend} is
 * {@code key:<keyId>:<provider:model>} or {@code provider:<id>}; {@code state} {@code closed} (failing, under the
 * threshold), {@code open} (cooling down), {@code half-open} (the cooldown ended: the next request is the probe) or
 * {@code probing} (a probe is out); {@code cooldownEndsAt} epoch ms (null when closed).
 */
public record BackendHealth(String backend, String state, int recentFailures, Long cooldownEndsAt, long coolingForMs) {
}
