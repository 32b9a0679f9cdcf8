package io.aigw.catalog.model;

/** One bare id and the model it resolves to ({@code address} = {@code <providerId>:<modelId>}). */
public record BareIdResponse(String bareId, boolean alias, String providerId, String modelId, String address) {
}
