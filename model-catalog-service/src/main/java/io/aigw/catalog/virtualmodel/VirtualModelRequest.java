package io.aigw.catalog.virtualmodel;

import java.util.List;

/** Body of {@code POST /admin/v1/virtual-models}; also the merge target of a PATCH. */
public record VirtualModelRequest(String name, String description, List<String> targets) {
}
