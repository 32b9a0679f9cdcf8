package io.aigw.keys.providerkey;

/** {@code GET /internal/v1/provider-keys/{id}/value}: the decrypted value, for the gateway only. */
public record ProviderKeyValueResponse(String id, String providerId, long version, String value) {

    @Override
    public String toString() {
        return "ProviderKeyValueResponse[" + id + ", version=" + version + ", value=[REDACTED]]";
    }
}
