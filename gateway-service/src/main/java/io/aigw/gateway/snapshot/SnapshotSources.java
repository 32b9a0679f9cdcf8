package io.aigw.gateway.snapshot;

/**
 * The three documents a snapshot is built from (change events currently trigger a reload of all three;
 * amending one entry from an event's `data` is possible later).
 */
public record SnapshotSources(CatalogDocument catalog, ConfigDocument config, ProviderKeysDocument providerKeys) {
}
