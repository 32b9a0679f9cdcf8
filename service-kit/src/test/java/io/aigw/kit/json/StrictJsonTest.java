package io.aigw.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The admin APIs' JSON reader, fuzzed (issue 13): what a client sends is read as it is written or refused with a
 * processing error, never coerced, never half-read, never a crash of another kind.
 */
class StrictJsonTest {

    private static final ObjectMapper STRICT = StrictJson.configure(new ObjectMapper());
    /** Numbers compare by value (the reader may drop trailing zeros of a decimal: 0.000000 reads as 0). */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** A body an admin resource reads: a name and a count. */
    record Named(String name, int count) {
    }

    @Property
    void shouldReadEveryWellFormedObjectAsItWasWritten(@ForAll("objects") ObjectNode object) throws Exception {
        String written = STRICT.writeValueAsString(object);
        JsonNode read = STRICT.readTree(written);
        assertTrue(object.equals(SAME_VALUE, read), written + " read as " + read);
    }

    @Property
    void shouldRefuseAnObjectThatRepeatsAKey(@ForAll("objects") ObjectNode object, @ForAll("names") String key,
            @ForAll int first, @ForAll int second) throws Exception {
        ObjectNode withKey = object.deepCopy().put(key, first);
        String json = STRICT.writeValueAsString(withKey);
        String repeated = json.substring(0, json.length() - 1) + "," + STRICT.writeValueAsString(key) + ":" + second + "}";
        assertThrows(JsonProcessingException.class, () -> STRICT.readTree(repeated));
    }

    @Property
    void shouldRefuseAnythingAfterTheBody(@ForAll("objects") ObjectNode object, @ForAll("trailers") String trailer) {
        String json = object.toString() + trailer;
        assertThrows(JsonProcessingException.class, () -> STRICT.readValue(json, JsonNode.class));
    }

    @Property
    void shouldNeverCoerceANumberOrBooleanIntoAString(@ForAll("scalars") String scalar) {
        String json = "{\"name\":" + scalar + ",\"count\":1}";
        assertThrows(JsonProcessingException.class, () -> STRICT.readValue(json, Named.class));
    }

    @Property
    void shouldNeverCoerceAStringOrFractionIntoAWholeNumber(@ForAll("notWholeNumbers") String value) {
        String json = "{\"name\":\"a\",\"count\":" + value + "}";
        assertThrows(JsonProcessingException.class, () -> STRICT.readValue(json, Named.class));
    }

    @Property
    void shouldKeepEveryDecimalDigit(@ForAll("decimals") BigDecimal amount) throws Exception {
        JsonNode read = STRICT.readTree("{\"usd\":" + amount.toPlainString() + "}");
        assertEquals(0, amount.compareTo(read.get("usd").decimalValue()), amount.toPlainString());
    }

    @Property(tries = 2000)
    void shouldAnswerAnyBytesWithAValueOrAProcessingError(@ForAll String anything) {
        try {
            STRICT.readValue(anything, Named.class);
        } catch (JsonProcessingException refused) {
            // the one way to refuse: the mapper answers it as a 400
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<ObjectNode> objects() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> s),
                Arbitraries.longs().map(n -> n),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.bigDecimals().ofScale(6).map(d -> d));
        return Arbitraries.maps(names(), values).ofMaxSize(8).map(StrictJsonTest::toObject);
    }

    private static ObjectNode toObject(Map<String, Object> fields) {
        ObjectNode node = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        fields.forEach((name, value) -> {
            if (value instanceof String text) {
                node.put(name, text);
            } else if (value instanceof Long number) {
                node.put(name, number);
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else {
                node.put(name, (BigDecimal) value);
            }
        });
        return node;
    }

    @Provide
    Arbitrary<String> trailers() {
        Arbitrary<String> trailer = Arbitraries.oneOf(
                Arbitraries.of("{}", "[]", "1", "\"x\"", "true", "null", "}", "]", ",{}", "x"),
                Arbitraries.strings().withChars("{}[]\",:0123456789abtnul").ofMinLength(1).ofMaxLength(8));
        return Arbitraries.of(" ", "\n", "").flatMap(space -> trailer.map(text -> space + text));
    }

    @Provide
    Arbitrary<String> scalars() {
        return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), Arbitraries.of("true", "false"),
                Arbitraries.doubles().between(-1e6, 1e6).map(String::valueOf));
    }

    @Provide
    Arbitrary<String> notWholeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(n -> "\"" + n + "\""),
                Arbitraries.integers().map(n -> n + ".5"),
                Arbitraries.of("true", "false", "\"\"", "[]", "{}", "1e400", "-1e400"));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(9);
    }
}
