package io.aigw.keys.usage;

import java.util.List;

/** {@code GET /admin/v1/usage/requests/{requestId}}: every attempt of one request, in attempt order. */
public record UsageTraceResponse(String requestId, List<UsageEvent> attempts) {
}
