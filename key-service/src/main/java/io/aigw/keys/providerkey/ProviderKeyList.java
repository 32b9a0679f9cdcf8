package io.aigw.keys.providerkey;

import java.util.List;

/** {@code GET /internal/v1/provider-keys}: every provider key (metadata only) and the outbox position. */
public record ProviderKeyList(long version, List<ProviderKeyResponse> providerKeys) {
}
