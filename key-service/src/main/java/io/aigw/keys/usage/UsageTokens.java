package io.aigw.keys.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Token counts of one attempt; {@code estimated} when the provider reported none and the gateway counted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageTokens(long input, long output, long cachedInput, long reasoning, boolean estimated) {

    static final UsageTokens NONE = new UsageTokens(0, 0, 0, 0, false);
}
