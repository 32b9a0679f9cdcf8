package io.aigw.gateway.usage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender's hand-written JSON of a usage event is, byte for byte, what Jackson's data binding writes of the record. */
class UsageEventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/events/usage-events.v1.json");

    @Test
    void shouldWriteEveryFixtureEventExactlyAsDataBindingDoes() throws Exception {
        for (JsonNode expected : MAPPER.readTree(FIXTURE.toFile())) {
            UsageEvent event = MAPPER.treeToValue(expected, UsageEvent.class);
            assertSame(event);
        }
    }

    @Test
    void shouldWriteNullsEmptyListsAndEscapesExactlyAsDataBindingDoes() throws Exception {
        assertSame(new UsageEvent("e1", "r1", null, null, "p", "m", null, "openai/chat-completions", 0, true, 400,
                "firewall_blocked", false, UsageEvent.Tokens.NONE, null, "none", 3, null, "2026-12-05T15:00:00Z", null,
                List.of(), List.of(), null));
        assertSame(new UsageEvent("e2", "r\"2\\\n", "ak_1", "cfg", "p", "m é 漢", "pk", "anthropic/messages", 2, false, 200,
                "success", true, new UsageEvent.Tokens(1, 2, 3, 4, 5, 6, true, new BigDecimal("9.5")),
                new BigDecimal("0.000000012"), "provider", 12, 7L, "t", "0af7651916cd43dd8448eb211c80319c",
                List.of(new UsageEvent.FirewallDecision("fwp", "r", "softDeny", "audit", "user", null)),
                List.of(new UsageEvent.Skipped("a:b", null, "retry_budget", "2 planned attempts not made")), "why"));
    }

    /** The sender keeps one writer: each of successive events is written alone, also after one that failed half-way. */
    @Test
    void shouldWriteSuccessiveEventsWithOneWriterExactlyAsDataBindingDoes() throws Exception {
        List<UsageEvent> events = new ArrayList<>();
        for (JsonNode expected : MAPPER.readTree(FIXTURE.toFile())) {
            events.add(MAPPER.treeToValue(expected, UsageEvent.class));
        }
        events.add(new UsageEvent("e3", "r3", null, null, "p", "m", null, "openai/chat-completions", 0, true, 400,
                "firewall_blocked", false, null, null, "none", 3, null, "2026-12-05T15:00:00Z", null, null, null, null));
        UsageEventJson json = new UsageEventJson(MAPPER.getFactory());
        for (int round = 0; round < 2; round++) {
            for (UsageEvent event : events) {
                assertThat(new String(json.write(event), StandardCharsets.UTF_8), equalTo(MAPPER.writeValueAsString(event)));
            }
            UsageEvent broken = new UsageEvent("e4", "r4", "ak", null, "p", "m", null, "openai/chat-completions", 1, true,
                    200, "success", false, UsageEvent.Tokens.NONE, BigDecimal.ONE, "catalog", 1, null, "t", null,
                    Arrays.asList((UsageEvent.FirewallDecision) null), null, null);
            assertThrows(NullPointerException.class, () -> json.write(broken));
        }
    }

    private static void assertSame(UsageEvent event) throws Exception {
        String expected = MAPPER.writeValueAsString(event);
        String written = new String(new UsageEventJson(MAPPER.getFactory()).write(event), StandardCharsets.UTF_8);
        assertThat(written, equalTo(expected));
    }
}
