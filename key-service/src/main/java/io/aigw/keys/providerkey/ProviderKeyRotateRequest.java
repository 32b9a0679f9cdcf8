package io.aigw.keys.providerkey;

/** Body of {@code POST /admin/v1/provider-keys/{id}/rotate}: the new value. */
public record ProviderKeyRotateRequest(String value) {

    @Override
    public String toString() {
        return "ProviderKeyRotateRequest[value=[REDACTED]]";
    }
}
