package io.aigw.gateway.firewall;

import java.util.List;

/**
 * What became of one tool call a model returned: every rule that matched, and {@code note} (null = the call passes),
 * the text for the model and the agent that replaces a removed call.
 */
public record ToolCallVerdict(List<Finding> findings, String note) {
}
