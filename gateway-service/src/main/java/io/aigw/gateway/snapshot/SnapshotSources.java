package io.aigw.gateway.snapshot;

/**
 * The three documents a snapshot is built from. A change event (a later issue) produces new sources
 * by replacing one entry of one document, then a new snapshot through {@link SnapshotBuilder}.
 */
public record SnapshotSources(CatalogDocument catalog, ConfigDocument config, ProviderKeysDocument providerKeys) {
}
