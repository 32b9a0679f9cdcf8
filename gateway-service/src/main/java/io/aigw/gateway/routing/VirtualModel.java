package io.aigw.gateway.routing;

import java.util.List;

/**
 * An operator-defined name standing for an ordered list of targets (catalog, SPEC §1.2): each `provider:model`, or a
 * bare catalog id meaning every provider that serves it.
 */
public record VirtualModel(String name, String description, List<String> targets, long createdEpochSecond) {
}
