package io.aigw.gateway.snapshot;

import java.util.Map;

/** Where this replica stands in the change topics: the next offset to read, by `topic:partition`. */
public interface OffsetSource {

    Map<String, Long> positions();
}
