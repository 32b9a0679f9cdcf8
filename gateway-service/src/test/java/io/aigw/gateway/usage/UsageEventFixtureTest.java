package io.aigw.gateway.usage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The golden fixture of `usage-events` (this service produces it) matches the record the gateway sends. */
class UsageEventFixtureTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/events/usage-events.v1.json");

    @Test
    void shouldSerialiseTheRealEventRecordWithTheFixturesStructure() throws Exception {
        JsonNode fixture = MAPPER.readTree(FIXTURE.toFile());
        for (JsonNode expected : fixture) {
            UsageEvent event = MAPPER.treeToValue(expected, UsageEvent.class);
            JsonNode written = MAPPER.valueToTree(event);
            assertThat(paths(written), equalTo(paths(expected)));
            assertThat(written.get("final").asBoolean(), equalTo(expected.get("final").asBoolean()));
        }
    }

    @Test
    void shouldPriceTokensWithBigDecimalFromCatalogPricing() {
        var pricing = new io.aigw.gateway.routing.Pricing(new BigDecimal("2.5"), new BigDecimal("10"),
                new BigDecimal("1.25"), null);
        BigDecimal cost = CostCalculator.cost(pricing, new UsageEvent.Tokens(1000, 500, 200, 0, false));
        // 800 × 2.5 + 200 × 1.25 + 500 × 10 = 7250 per million tokens
        assertThat(cost, comparesEqualTo(new BigDecimal("0.00725")));
    }

    @Test
    void shouldReadUsageFromOpenAiAndAnthropicBodies() {
        byte[] openAi = ("{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_tokens\":5}}}").getBytes();
        assertThat(UsageExtractor.fromJson(openAi, 0, openAi.length), equalTo(new UsageEvent.Tokens(12, 34, 2, 5, false)));
        byte[] anthropic = "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}".getBytes();
        assertThat(UsageExtractor.fromJson(anthropic, 0, anthropic.length), equalTo(new UsageEvent.Tokens(7, 1, 0, 0, false)));
    }

    private static TreeSet<String> paths(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> out) {
        Iterator<String> names = node.fieldNames();
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        for (String name : list) {
            JsonNode child = node.get(name);
            out.add(prefix + name);
            if (child.isObject()) {
                collect(child, prefix + name + ".", out);
            }
        }
    }
}
