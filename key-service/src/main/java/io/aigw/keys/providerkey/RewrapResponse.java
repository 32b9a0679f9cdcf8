package io.aigw.keys.providerkey;

/** Result of {@code POST /admin/v1/provider-keys:rewrap}. */
public record RewrapResponse(String masterKeyId, int rewrapped, int remaining) {
}
