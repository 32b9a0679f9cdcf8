package io.aigw.catalog.virtualmodel;

import java.time.Instant;
import java.util.List;

/** A virtual model as the admin API, the events and the snapshot show it. */
public record VirtualModelResponse(String name, String description, List<String> targets, long version,
        Instant createdAt, Instant updatedAt) {

    public static VirtualModelResponse of(VirtualModel v) {
        return new VirtualModelResponse(v.name, v.description, List.copyOf(v.targets), v.publicVersion(), v.createdAt,
                v.updatedAt);
    }

    /** The writable state of {@code v}: what a PATCH is merged onto. */
    public static VirtualModelRequest asRequest(VirtualModel v) {
        return new VirtualModelRequest(v.name, v.description, List.copyOf(v.targets));
    }
}
