package io.aigw.gateway.snapshot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.routing.AuthScheme;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.routing.UpstreamTarget;
import io.aigw.gateway.support.TestDocuments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static SnapshotSources sources(ObjectNode catalog, ObjectNode config, ObjectNode keys) throws Exception {
        return new SnapshotSources(MAPPER.treeToValue(catalog, CatalogDocument.class),
                MAPPER.treeToValue(config, ConfigDocument.class), MAPPER.treeToValue(keys, ProviderKeysDocument.class));
    }

    private static SnapshotSources valid() throws Exception {
        return sources(TestDocuments.catalog("http://127.0.0.1:9"), TestDocuments.config(), TestDocuments.providerKeys());
    }

    @Test
    void shouldBuildFromTheContractDocuments() throws Exception {
        RoutingSnapshot s = SnapshotBuilder.build(valid());
        assertThat(s.version(), equalTo("c42.g9.k17"));
        assertThat(s.provider("anthropic").authScheme(), equalTo(AuthScheme.X_API_KEY));
        assertThat(s.provider("anthropic").extraHeaders().get("anthropic-version"), equalTo("2023-06-01"));
        assertThat(s.provider("openai").targets().get(Surface.CHAT_COMPLETIONS),
                equalTo(new UpstreamTarget("127.0.0.1", 9, false, "/v1/chat/completions")));
        assertThat(s.settings().attemptTimeout(), equalTo(Duration.ofMillis(1500)));
        assertThat(s.settings().totalTimeout(), equalTo(Duration.ofSeconds(4)));
        assertThat(s.settings().maxBodyBytes(), equalTo(65536L));
    }

    @Test
    void shouldLeaveOutInactiveProvidersAndOrderKeysByCreation() throws Exception {
        RoutingSnapshot s = SnapshotBuilder.build(valid());
        assertThat(s.provider("retired"), nullValue());
        assertThat(s.keysOf("openai").stream().map(k -> k.id()).toList(),
                equalTo(java.util.List.of("pk_openai1", "pk_openai2", "pk_openaibad")));
    }

    @Test
    void shouldNarrowAProvidersSurfacesToTheModels() throws Exception {
        RoutingSnapshot s = SnapshotBuilder.build(valid());
        assertThat(s.bareModel("text-embedding-3-small").surfaces(), equalTo(java.util.Set.of(Surface.EMBEDDINGS)));
    }

    @Test
    void shouldKeepTheOldSnapshotWhenANewOneDoesNotBuild() throws Exception {
        SnapshotHolder holder = new SnapshotHolder();
        assertThat(holder.apply(valid(), "test"), is(true));
        RoutingSnapshot before = holder.current();

        ObjectNode broken = TestDocuments.catalog("ftp://nowhere");
        assertThat(holder.apply(sources(broken, TestDocuments.config(), TestDocuments.providerKeys()), "test"), is(false));
        ObjectNode badScheme = TestDocuments.catalog("http://127.0.0.1:9");
        ((ObjectNode) badScheme.withArray("providers").get(0)).put("authScheme", "magic");
        assertThat(holder.apply(sources(badScheme, TestDocuments.config(), TestDocuments.providerKeys()), "test"), is(false));

        assertThat(holder.current(), sameInstance(before));
    }

    @Test
    void shouldRejectACatalogWithAnAmbiguousBareId() throws Exception {
        ObjectNode catalog = TestDocuments.catalog("http://127.0.0.1:9");
        catalog.withArray("models").addObject().put("providerId", "backup").put("modelId", "GPT-4o")
                .put("bareId", true).put("status", "active");
        SnapshotHolder holder = new SnapshotHolder();
        assertThat(holder.apply(sources(catalog, TestDocuments.config(), TestDocuments.providerKeys()), "test"), is(false));
        assertThat(holder.current(), nullValue());
    }

    @Test
    void shouldReadDurationsWrittenIsoOrGoStyle() {
        assertThat(DurationText.parse("PT1M"), equalTo(Duration.ofMinutes(1)));
        assertThat(DurationText.parse("30s"), equalTo(Duration.ofSeconds(30)));
        assertThat(DurationText.parse("1m30s"), equalTo(Duration.ofSeconds(90)));
        assertThat(DurationText.parse("250ms"), equalTo(Duration.ofMillis(250)));
        assertThat(DurationText.parse("2h"), equalTo(Duration.ofHours(2)));
    }
}
