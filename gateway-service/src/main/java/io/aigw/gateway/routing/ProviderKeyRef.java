package io.aigw.gateway.routing;

/** A provider key's metadata (never its value); {@code version} changes when the key is rotated. */
public record ProviderKeyRef(String id, String providerId, long version) {
}
