package io.aigw.gateway.firewall;

import java.util.List;

/**
 * The request side's outcome: {@code blocked} (null = passes) with its user-facing {@code reason}; {@code body} the
 * redacted request bytes (null = forward the request unchanged); every rule that matched, in order.
 */
public record RequestVerdict(Finding blocked, String reason, byte[] body, List<Finding> findings) {

    public static final RequestVerdict PASS = new RequestVerdict(null, null, null, List.of());
}
