package io.aigw.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RequestBody parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return RequestBody.parse(bytes, bytes.length);
    }

    private static String rewrite(String json, String model, Set<String> strip) {
        return parse(json).rewrite(model, strip).toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadModelModelsAndStream() {
        RequestBody body = parse("{\"model\":\"gpt-4o\",\"models\":[\"a:b\",\"c\"],\"stream\":true,\"n\":1}");
        assertThat(body.model(), equalTo("gpt-4o"));
        assertThat(body.models(), contains("a:b", "c"));
        assertThat(body.stream(), is(true));
    }

    @Test
    void shouldRewriteModelAndStripModelsKeepingOtherBytesExactly() {
        String json = "{ \"messages\" : [ {\"role\":\"user\",\"content\":\"h\u00e9llo \\u00e9 \\\"q\\\"\"} ],\n"
                + "  \"model\": \"openai:gpt-4o\", \"temperature\": 1.00000000000000000001, \"models\": [\"x\"],"
                + " \"big\": 12345678901234567890123 }";
        assertThat(rewrite(json, "gpt-4o-2024-08-06", Set.of()), equalTo(
                "{\"messages\" : [ {\"role\":\"user\",\"content\":\"h\u00e9llo \\u00e9 \\\"q\\\"\"} ],"
                        + "\"model\":\"gpt-4o-2024-08-06\",\"temperature\": 1.00000000000000000001,"
                        + "\"big\": 12345678901234567890123}"));
    }

    @Test
    void shouldStripTheModelsUnsupportedParameters() {
        assertThat(rewrite("{\"model\":\"m\",\"logprobs\":true,\"top_k\":3,\"n\":2}", "m", Set.of("logprobs", "top_k")),
                equalTo("{\"model\":\"m\",\"n\":2}"));
    }

    @Test
    void shouldEscapeTheRewrittenModelId() {
        assertThat(rewrite("{\"model\":\"x\"}", "we\"ird\\id", Set.of()), equalTo("{\"model\":\"we\\\"ird\\\\id\"}"));
    }

    @Test
    void shouldRejectBodiesThatAreNotAJsonObjectWithAModel() {
        Map<String, String> params = Map.of(
                "not json", "", "[1,2]", "", "{\"model\":\"x\"", "", "{\"model\":\"x\"} trailing", "",
                "{\"messages\":[]}", "model", "{\"model\":5}", "model", "{\"model\":\"x\",\"models\":\"y\"}", "models",
                "{\"model\":\"x\",\"models\":[1]}", "models", "{\"model\":\"x\",\"stream\":\"yes\"}", "stream");
        params.forEach((json, param) -> {
            GatewayException e = assertThrows(GatewayException.class, () -> parse(json), json);
            assertThat(json, e.code(), equalTo(ErrorCode.INVALID_REQUEST));
            assertThat(json, String.valueOf(e.param()), equalTo(param.isEmpty() ? "null" : param));
        });
    }

    @Property(tries = 300)
    void rewritingKeepsEveryOtherFieldEqual(@ForAll("bodies") Map<String, Object> fields,
            @ForAll("modelIds") String upstream) throws Exception {
        ObjectNode original = MAPPER.valueToTree(fields);
        original.put("model", "client-model");
        original.putArray("models").add("fallback:x");
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(original);

        ObjectNode rewritten = (ObjectNode) MAPPER.readTree(rewrite(pretty, upstream, Set.of()));

        ObjectNode expected = original.deepCopy();
        expected.remove("models");
        expected.put("model", upstream);
        assertThat(rewritten, equalTo(expected));
    }

    @Provide
    Arbitrary<Map<String, Object>> bodies() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().alpha().ofMaxLength(5).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.strings().ofMaxLength(5)).ofMaxSize(3).map(m -> (Object) m));
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .filter(k -> !k.equals("model") && !k.equals("models")), values).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> modelIds() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
    }

    @Test
    void shouldKeepFieldOrder() {
        assertThat(parse("{\"a\":1,\"model\":\"m\",\"b\":{}}").fieldNames(), equalTo(List.of("a", "model", "b")));
    }
}
