package io.aigw.catalog.importer;

/** Outcome of an import: how many models were created, updated and left unchanged. */
public record ImportResult(String providerId, int total, int created, int updated, int unchanged) {
}
