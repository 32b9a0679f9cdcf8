package io.aigw.gateway.routing;

import java.util.List;

/** A rule's ordered steps: `keys` (provider key ids to try) or `fallback` (model addresses to try next). */
public record RoutingRule(List<Step> steps) {

    public record Step(boolean fallback, List<String> values) {
    }
}
