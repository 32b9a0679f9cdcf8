package io.aigw.gateway.routing;

import java.util.List;

/**
 * The models a request may be tried on, in order, and the virtual-model targets left out with their reasons (for
 * `X-AIGW-Skipped` and the attempt trace).
 */
public record Candidates(List<ModelAddress> addresses, List<Skip> skipped) {
}
