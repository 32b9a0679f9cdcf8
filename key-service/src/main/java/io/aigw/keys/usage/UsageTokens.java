package io.aigw.keys.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Token counts of one attempt: {@code input} includes cache reads ({@code cachedInput}) and cache writes
 * ({@code cacheWrite} 5-minute, {@code cacheWrite1h} 1-hour), {@code output} includes {@code reasoning};
 * {@code estimated} when the provider reported none and the gateway counted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageTokens(long input, long output, long cachedInput, long cacheWrite, long cacheWrite1h,
        long reasoning, boolean estimated) {

    static final UsageTokens NONE = new UsageTokens(0, 0, 0, 0, 0, 0, false);
}
