package io.aigw.gateway.usage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
