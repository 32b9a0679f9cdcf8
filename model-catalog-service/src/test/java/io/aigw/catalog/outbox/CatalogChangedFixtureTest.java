package io.aigw.catalog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.catalog.JsonShape;
import io.aigw.catalog.model.ModelResponse;
import io.aigw.catalog.provider.ProviderResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The golden fixture and the records the service really serialises must have the same structure. */
@QuarkusTest
class CatalogChangedFixtureTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldSerialiseEventsOfEveryKindExactlyLikeTheGoldenFixture() throws Exception {
        for (int i = 0; i < 3; i++) {
            JsonNode golden = mapper.readTree(OutboxTest.fixture(i).toString());
            Class<?> dataType = golden.get("kind").asText().equals("provider") ? ProviderResponse.class : ModelResponse.class;
            Object data = golden.get("data").isNull() ? null : mapper.treeToValue(golden.get("data"), dataType);
            CatalogChanged event = new CatalogChanged(golden.get("eventId").asText(), golden.get("kind").asText(),
                    golden.get("type").asText(), golden.get("id").asText(), golden.get("version").asLong(),
                    java.time.Instant.parse(golden.get("occurredAt").asText()), data);
            JsonNode actual = mapper.readTree(mapper.writeValueAsString(event));
            assertEquals("", JsonShape.difference(golden, actual), "fixture " + i);
            assertEquals(golden, actual, "fixture " + i + " round trip");
        }
    }
}
