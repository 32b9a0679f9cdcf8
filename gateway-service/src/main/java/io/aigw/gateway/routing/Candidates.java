package io.aigw.gateway.routing;

import java.util.List;

/**
 * The models a request may be tried on, in order, and the virtual-model targets left out, each as
 * `<model> (virtual <name>): <reason>` for `X-AIGW-Skipped`.
 */
public record Candidates(List<ModelAddress> addresses, List<String> skipped) {
}
