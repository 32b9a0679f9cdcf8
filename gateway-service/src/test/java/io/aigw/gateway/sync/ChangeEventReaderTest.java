package io.aigw.gateway.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.support.ChangeEventsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event of the producers' golden fixtures reads, plain and JSON-encoded twice. */
class ChangeEventReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ChangeEventReader reader = new ChangeEventReader(MAPPER);

    @Test
    void shouldReadEveryProducersFixtureEventPlainAndEncodedTwice() throws Exception {
        for (Path file : List.of(ChangeEventsWriter.ACCESS_KEYS, ChangeEventsWriter.PROVIDER_KEYS,
                ChangeEventsWriter.CONFIG, ChangeEventsWriter.CATALOG)) {
            for (JsonNode fixture : MAPPER.readTree(Files.readAllBytes(file))) {
                String json = MAPPER.writeValueAsString(fixture);
                for (String value : List.of(json, MAPPER.writeValueAsString(json))) {
                    ChangeEvent event = reader.read("t", value);
                    assertThat(event.aggregate(), equalTo(fixture.get("kind").asText() + ":" + fixture.get("id").asText()));
                    assertThat(event.version(), equalTo(fixture.get("version").asLong()));
                    assertThat(event.occurredAt(), notNullValue());
                    assertThat(event.data() == null, equalTo("deleted".equals(event.type())));
                }
            }
        }
    }

    @Test
    void shouldRefuseValuesThatAreNotEvents() {
        assertThrows(IllegalArgumentException.class, () -> reader.read("t", "{not json"));
        assertThrows(IllegalArgumentException.class, () -> reader.read("t", null));
        assertThrows(IllegalArgumentException.class, () -> reader.read("t", "[1]"));
        assertThrows(IllegalArgumentException.class, () -> reader.read("t", "{\"kind\":\"model\",\"id\":\"a:b\"}"));
    }

    @Test
    void shouldReadAnEventWithoutOccurredAt() {
        ChangeEvent event = reader.read("t", "{\"kind\":\"provider\",\"type\":\"updated\",\"id\":\"p\",\"version\":2}");
        assertThat(event.occurredAt(), nullValue());
    }

    @Test
    void shouldApplyOnlyVersionsAboveTheAppliedOnePerAggregate() {
        AppliedVersions versions = new AppliedVersions();
        assertThat(versions.advance("model:a", 2, "updated"), equalTo(true));
        assertThat(versions.advance("model:a", 2, "updated"), equalTo(false));
        assertThat(versions.advance("model:a", 1, "created"), equalTo(false));
        assertThat(versions.advance("model:b", 1, "created"), equalTo(true));
        assertThat(versions.advance("model:a", 3, "updated"), equalTo(true));
    }

    @Test
    void shouldApplyARecreatedAggregateWhoseVersionsRestartAtOne() {
        AppliedVersions versions = new AppliedVersions();
        assertThat(versions.advance("provider:acme", 4, "updated"), equalTo(true));
        assertThat(versions.advance("provider:acme", 5, "deleted"), equalTo(true));
        assertThat("a duplicate deletion", versions.advance("provider:acme", 5, "deleted"), equalTo(false));
        assertThat("an older update of the deleted one", versions.advance("provider:acme", 4, "updated"), equalTo(false));
        assertThat("the re-creation", versions.advance("provider:acme", 1, "created"), equalTo(true));
        assertThat("a duplicate of the re-creation", versions.advance("provider:acme", 1, "created"), equalTo(false));
        assertThat(versions.advance("provider:acme", 2, "updated"), equalTo(true));
    }
}
