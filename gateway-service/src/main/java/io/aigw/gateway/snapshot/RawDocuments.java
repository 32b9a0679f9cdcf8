package io.aigw.gateway.snapshot;

/** The three internal-API answers a snapshot is built from, as received (saved to Redis as they are). */
record RawDocuments(byte[] catalog, byte[] config, byte[] providerKeys) {
}
