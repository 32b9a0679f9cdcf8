package io.aigw.gateway.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** One provider's pass-through names cannot push other providers' models out of the metrics (issue 14). */
class ModelLabelsTest {

    @Test
    void shouldFoldAFloodOfOneProvidersModelNamesIntoProviderOtherAndKeepEveryOtherProvidersModels() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GatewayMetrics metrics = new GatewayMetrics(registry);
        for (int i = 0; i < 600; i++) {
            metrics.request("openai/chat-completions", "openrouter", "openrouter:flood/model-" + i, 200);
        }
        metrics.request("openai/chat-completions", "anthropic", "anthropic:claude-sonnet-4-5", 200);

        assertThat(registry.find("aigw.requests").tag("model", "anthropic:claude-sonnet-4-5").counter(), not(nullValue()));
        assertThat(registry.find("aigw.requests").tag("model", "openrouter:other").counter().count(), equalTo(500.0));
        assertThat(registry.find("aigw.requests").tag("model", "other").counter(), nullValue());
    }
}
