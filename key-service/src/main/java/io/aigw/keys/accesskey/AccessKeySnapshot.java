package io.aigw.keys.accesskey;

import java.time.Instant;
import java.util.List;

/** {@code GET /internal/v1/access-key-snapshot}: every access key, with the outbox position it reflects. */
public record AccessKeySnapshot(long version, Instant generatedAt, List<AccessKeyRecord> accessKeys) {
}
