package io.aigw.gateway.routing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.snapshot.CatalogDocument;
import io.aigw.gateway.snapshot.ConfigDocument;
import io.aigw.gateway.snapshot.ProviderKeysDocument;
import io.aigw.gateway.snapshot.SnapshotBuilder;
import io.aigw.gateway.snapshot.SnapshotSources;
import io.aigw.gateway.support.TestDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `aigw/auto` over the test catalog with prices (input + output per MTok): backup:gpt-4o-mini 0.75, openai:o1-mini 5
 * (refuses tools), openai:gpt-4o 12.5 (takes images; the others text only), anthropic:claude-sonnet-4-5 and
 * openrouter:anthropic/claude-3.5-sonnet 18.
 */
class AutoModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MINI = "backup:gpt-4o-mini";
    private static final String O1 = "openai:o1-mini";
    private static final String GPT = "openai:gpt-4o";
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String OR_CLAUDE = "openrouter:anthropic/claude-3.5-sonnet";

    private final RoutingSnapshot snapshot = snapshot();

    private static RoutingSnapshot snapshot() {
        ObjectNode catalog = TestDocuments.catalog("http://127.0.0.1:9");
        // the proxy tests' banded, Responses-only and Gemini providers are not part of this price table
        com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode) catalog.get("models");
        for (int i = all.size() - 1; i >= 0; i--) {
            if (List.of("banded", "responder", "gemini").contains(all.get(i).path("providerId").asText())) {
                all.remove(i);
            }
        }
        for (JsonNode m : catalog.get("models")) {
            ObjectNode model = (ObjectNode) m;
            String id = model.get("providerId").asText() + ":" + model.get("modelId").asText();
            ObjectNode pricing = model.putObject("pricing");
            switch (id) {
                case MINI -> pricing.put("inputPerMTok", 0.15).put("outputPerMTok", 0.6);
                case O1 -> {
                    pricing.put("inputPerMTok", 1).put("outputPerMTok", 4);
                    model.withArray("unsupportedParameters").add("tools");
                }
                case GPT -> {
                    pricing.put("inputPerMTok", 2.5).put("outputPerMTok", 10);
                    model.withArray("inputModalities").add("image");
                }
                default -> pricing.put("inputPerMTok", 3).put("outputPerMTok", 15);
            }
        }
        try {
            return SnapshotBuilder.build(new SnapshotSources(MAPPER.treeToValue(catalog, CatalogDocument.class),
                    MAPPER.treeToValue(TestDocuments.config(), ConfigDocument.class),
                    MAPPER.treeToValue(TestDocuments.providerKeys(), ProviderKeysDocument.class)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private AutoModel.Choice choose(String body, String configurationId) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return AutoModel.choose(Complexity.of(bytes, 0, bytes.length), snapshot, snapshot.policy(configurationId), Surface.CHAT_COMPLETIONS);
    }

    private static List<String> models(AutoModel.Choice choice) {
        return choice.candidates().stream().map(ModelAddress::canonical).toList();
    }

    @Test
    void aSimpleRequestStartsWithTheCheapestModelAndFailsOverUpwardThroughEveryFittingOne() throws Exception {
        AutoModel.Choice choice = choose("{\"model\":\"aigw/auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                null);
        assertThat(choice.complexity().band(), equalTo(0));
        assertThat(models(choice), contains(MINI, O1, GPT, CLAUDE, OR_CLAUDE));
        assertThat(choice.why(), equalTo("score 0 (economy): ~0 input tokens, 0 tools, 0 attachments, 0 code blocks,"
                + " 1 turns; band economy: 5 of 5 fitting models, cheapest first"));
    }

    @Test
    void toolsAndCodeLeaveOutTheModelsRefusingToolsAndStartInTheStandardBand() throws Exception {
        String body = "{\"model\":\"aigw/auto\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"run\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"fix this:\\n```java\\nint x;\\n```\"}]}";
        AutoModel.Choice choice = choose(body, null);
        assertThat(choice.complexity().score(), equalTo(2));
        // fitting, by price: mini, gpt-4o | claude, openrouter-claude (o1-mini refuses tools): standard = the upper half
        assertThat(models(choice), contains(CLAUDE, OR_CLAUDE));
    }

    @Test
    void anImageKeepsOnlyTheModelsTakingImages() throws Exception {
        String body = "{\"model\":\"aigw/auto\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"what is it?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}]}";
        AutoModel.Choice choice = choose(body, null);
        assertThat(choice.complexity().attachments(), equalTo(1));
        assertThat(models(choice), contains(GPT));
    }

    @Test
    void onlyModelsTheKeyMayCallAreCandidates() throws Exception {
        AutoModel.Choice choice = choose("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "cfg_scoped0000000001");
        assertThat(models(choice), contains(MINI, GPT, CLAUDE));
    }

    @Test
    void aRequestLongerThanEveryContextIsRefusedNamingItsComplexity() {
        GatewayException e = assertThrows(GatewayException.class, () -> choose(
                "{\"max_tokens\":500000,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", null));
        assertThat(e.code(), equalTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theScoreAddsUpLongInputManyToolsCodeAndALongConversation() throws Exception {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            messages.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"")
                    .append("x".repeat(1_600)).append(i < 3 ? " ```a``` " : "").append("\"}");
        }
        StringBuilder tools = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tools.append(i == 0 ? "" : ",").append("{\"type\":\"function\",\"function\":{\"name\":\"t").append(i).append("\"}}");
        }
        byte[] body = ("{\"tools\":[" + tools + "],\"messages\":[" + messages + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Complexity c = Complexity.of(body, 0, body.length);
        // ~8,800 tokens: +3; 6 tools: +2; 3 code blocks: +2; 22 turns: +2
        assertThat(c.score(), equalTo(9));
        assertThat(c.bandName(), equalTo("premium"));
    }
}
