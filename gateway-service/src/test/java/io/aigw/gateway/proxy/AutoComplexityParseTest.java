package io.aigw.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.routing.Complexity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * `aigw/auto` scores a request from the one parse routing makes of its body ({@link RequestBody#complexity()}): the
 * fields after an `aigw/auto` `model` are scored as the parse passes them, and only the score's fields before `model`
 * are read again (from their byte ranges); no tree of the body is built. The score equals the documented one, computed
 * here from a JSON tree ({@link #oracle}: the gateway's former implementation), for any body.
 */
class AutoComplexityParseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RequestBody parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return RequestBody.parse(bytes, bytes.length, true);
    }

    @Test
    void aBodyWithTheAutoModelFirstIsScoredInItsOneParse() throws Exception {
        String json = "{\"model\":\"aigw/auto\",\"system\":\"be brief\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"look: ```x```\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:,\"}}]}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"max_tokens\":64}";
        RequestBody body = parse(json);
        Complexity c = body.complexity();
        assertThat(body.rescanned, equalTo(0)); // nothing read twice
        assertThat(c, equalTo(oracle(MAPPER.readTree(json))));
        assertThat(c.attachments(), equalTo(1));
        assertThat(c.codeBlocks(), equalTo(1));
        assertThat(c.tools(), equalTo(1));
        assertThat(c.maxTokens(), equalTo(64L));
    }

    @Test
    void onlyTheScoresFieldsBeforeTheModelAreReadAgain() throws Exception {
        String json = "{\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":1,"
                + "\"m\\u0061x_tokens\" : 12,\"model\":\"aigw/auto\",\"tools\":[{\"functionDeclarations\":[{},{}]}]}";
        RequestBody body = parse(json);
        Complexity c = body.complexity();
        assertThat(body.rescanned, equalTo(2)); // messages and max_tokens; temperature and n are not read
        assertThat(c, equalTo(oracle(MAPPER.readTree(json))));
        assertThat(c.maxTokens(), equalTo(12L));
        assertThat(c.tools(), equalTo(2));
    }

    @Test
    void aBodyWithoutModelIsScoredFromItsFieldsRanges() throws Exception {
        String json = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"},{\"inlineData\":{\"data\":\"AAAA\"}}]}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"sys\"}]}}";
        RequestBody body = parse(json);
        assertThat(body.complexity(), equalTo(oracle(MAPPER.readTree(json))));
        assertThat(body.rescanned, equalTo(2));
    }

    @Property(tries = 400)
    void theOneParseScoresEveryBodyAsTheTreeDoes(@ForAll long seed) throws Exception {
        String json = randomBody(new Random(seed));
        JsonNode tree = MAPPER.readTree(json);
        Complexity expected = oracle(tree);
        assertThat(json, parse(json).complexity(), equalTo(expected));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(json, Complexity.of(bytes, 0, bytes.length), equalTo(expected));
    }

    private static final String[] FIELDS = {"messages", "input", "contents", "system", "systemInstruction",
        "instructions", "prompt", "tools", "max_tokens", "max_completion_tokens", "max_output_tokens", "temperature",
        "metadata", "n"};
    private static final String[] TYPES = {"text", "image_url", "image", "input_image", "document", "input_file",
        "function", "tool_use", "input_text"};

    private static String randomBody(Random r) throws Exception {
        List<String> fields = new ArrayList<>();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            String name = FIELDS[r.nextInt(FIELDS.length)];
            fields.add(MAPPER.writeValueAsString(name) + ":" + value(r, name, 0));
        }
        if (r.nextInt(4) > 0) {
            fields.add(r.nextInt(fields.size() + 1), "\"model\":\"" + (r.nextBoolean() ? "aigw/auto" : "AIGW/Auto") + "\"");
        }
        return "{" + String.join(r.nextBoolean() ? "," : " ,\n ", fields) + "}";
    }

    private static String value(Random r, String field, int depth) throws Exception {
        switch (field) {
            case "max_tokens", "max_completion_tokens", "max_output_tokens" -> {
                return switch (r.nextInt(5)) {
                    case 0 -> "12.7";
                    case 1 -> "\"64\"";
                    case 2 -> "null";
                    case 3 -> "123456789012345678901234567890";
                    default -> Integer.toString(r.nextInt(100_000));
                };
            }
            case "tools" -> {
                if (r.nextInt(6) == 0) {
                    return "{\"a\":1}";
                }
                List<String> tools = new ArrayList<>();
                for (int i = r.nextInt(8); i > 0; i--) {
                    tools.add(switch (r.nextInt(4)) {
                        case 0 -> "{\"functionDeclarations\":[" + "{},".repeat(r.nextInt(4)) + "{}]}";
                        case 1 -> "{\"functionDeclarations\":[],\"x\":[1,2]}";
                        case 2 -> "\"tool\"";
                        default -> "{\"type\":\"function\",\"function\":{\"name\":\"f" + i + "\"}}";
                    });
                }
                return "[" + String.join(",", tools) + "]";
            }
            default -> {
                return any(r, depth);
            }
        }
    }

    private static String any(Random r, int depth) throws Exception {
        int kind = depth > 4 ? r.nextInt(3) : r.nextInt(6);
        return switch (kind) {
            case 0 -> MAPPER.writeValueAsString(text(r));
            case 1 -> r.nextBoolean() ? Integer.toString(r.nextInt(9)) : r.nextBoolean() ? "true" : "null";
            case 2 -> MAPPER.writeValueAsString(text(r));
            case 3, 4 -> {
                List<String> items = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    items.add(any(r, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                java.util.Set<String> names = new java.util.HashSet<>(); // a repeated member: see Complexity.Scan
                for (int i = r.nextInt(5); i > 0; i--) {
                    String name = switch (r.nextInt(8)) {
                        case 0 -> "type";
                        case 1 -> "role";
                        case 2 -> r.nextInt(3) == 0 ? "inlineData" : "fileData";
                        case 3 -> "text";
                        case 4 -> "content";
                        default -> "k" + r.nextInt(4);
                    };
                    if (!names.add(name)) {
                        continue;
                    }
                    String value = name.equals("type") && r.nextBoolean()
                            ? "\"" + TYPES[r.nextInt(TYPES.length)] + "\"" : any(r, depth + 1);
                    members.add(MAPPER.writeValueAsString(name) + ":" + value);
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    private static String text(Random r) {
        String[] pieces = {"hello ", "```", "``", "é", "😀", "\\", "\"", "\n", "code ", "x".repeat(r.nextInt(3) * 700)};
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** The score from a JSON tree of the whole body, as the gateway computed it before it scored in the parse. */
    static Complexity oracle(JsonNode body) {
        long[] c = new long[3]; // chars, attachments, code blocks
        for (String field : new String[] {"messages", "input", "contents", "system", "systemInstruction", "instructions",
                "prompt"}) {
            walk(body.get(field), c);
        }
        int turns = 0;
        for (String field : new String[] {"messages", "input", "contents"}) {
            JsonNode t = body.get(field);
            if (t != null && t.isArray()) {
                turns += t.size();
            }
        }
        JsonNode tools = body.get("tools");
        int toolCount = tools != null && tools.isArray() ? tools.size() : 0;
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                JsonNode declarations = tool.get("functionDeclarations");
                if (declarations != null && declarations.isArray()) {
                    toolCount += declarations.size() - 1;
                }
            }
        }
        long maxTokens = 0;
        for (String field : new String[] {"max_tokens", "max_completion_tokens", "max_output_tokens"}) {
            if (body.path(field).canConvertToLong()) {
                maxTokens = body.path(field).asLong();
            }
        }
        long tokens = c[0] / 4;
        int attachments = (int) c[1];
        int codeBlocks = (int) c[2];
        int score = (tokens >= 8_000 ? 3 : tokens >= 2_000 ? 2 : tokens >= 500 ? 1 : 0)
                + (toolCount > 0 ? 1 : 0) + (toolCount > 5 ? 1 : 0)
                + (attachments > 0 ? 1 : 0)
                + (codeBlocks > 0 ? 1 : 0) + (codeBlocks >= 3 ? 1 : 0)
                + (turns > 6 ? 1 : 0) + (turns > 20 ? 1 : 0);
        int band = score <= 1 ? 0 : score <= 3 ? 1 : 2;
        return new Complexity(tokens, toolCount, attachments, codeBlocks, turns, maxTokens, score, band);
    }

    private static void walk(JsonNode node, long[] c) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.asText();
            c[0] += text.length();
            int n = 0;
            for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
                n++;
            }
            c[2] += n / 2;
        } else if (node.isArray()) {
            node.forEach(e -> walk(e, c));
        } else if (node.isObject()) {
            String type = node.path("type").asText("");
            if (type.equals("image_url") || type.equals("image") || type.equals("input_image")
                    || type.equals("document") || type.equals("input_file") || node.has("inlineData")
                    || node.has("fileData")) {
                c[1]++;
                return;
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("type") && !e.getKey().equals("role")) {
                    walk(e.getValue(), c);
                }
            });
        }
    }
}
