package io.aigw.gateway.usage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.routing.CatalogModel;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.ModelDirectory;
import io.aigw.gateway.routing.ModelPrice;
import io.aigw.gateway.routing.Pricing;
import io.aigw.gateway.routing.Provider;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Costs computed by hand from list prices (USD per million tokens), compared to the micro-dollar and below. */
class CostCalculatorTest {

    private static final Pricing SONNET = pricing("3", "15", "0.3", "3.75", "6", null, null);
    private static final Pricing O3 = pricing("2", "8", "0.5", null, null, null, null);

    @Test
    void shouldChargeAnthropicCacheReadsAndBothKindsOfCacheWritesAtTheirOwnRates() {
        UsageEvent.Tokens tokens = read("{\"usage\":{\"input_tokens\":100,\"output_tokens\":500,"
                + "\"cache_read_input_tokens\":10000,\"cache_creation_input_tokens\":8000,"
                + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":5000,\"ephemeral_1h_input_tokens\":3000}}}");
        // 100 × 3 + 10,000 × 0.3 + 5,000 × 3.75 + 3,000 × 6 + 500 × 15 = 47,550 per million
        CostCalculator.Cost cost = CostCalculator.cost(new ModelPrice(SONNET, "catalog"), tokens);
        assertThat(cost.usd(), comparesEqualTo(new BigDecimal("0.04755")));
        assertThat(cost.source(), equalTo("catalog"));
    }

    @Test
    void shouldChargeAllCacheWritesAsFiveMinuteWritesWhenAnthropicDoesNotSplitThem() {
        UsageEvent.Tokens tokens = read("{\"usage\":{\"input_tokens\":10,\"output_tokens\":0,"
                + "\"cache_creation_input_tokens\":1000}}");
        // 10 × 3 + 1,000 × 3.75 = 3,780 per million
        assertThat(CostCalculator.cost(SONNET, tokens), comparesEqualTo(new BigDecimal("0.00378")));
    }

    @Test
    void shouldChargeOpenAiCachedTokensAtTheCacheRateAndReasoningAsOutput() {
        UsageEvent.Tokens tokens = read("{\"usage\":{\"prompt_tokens\":2000,\"completion_tokens\":1000,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1500},\"completion_tokens_details\":{\"reasoning_tokens\":700}}}");
        // 500 × 2 + 1,500 × 0.5 + 1,000 × 8 = 9,750 per million
        assertThat(CostCalculator.cost(O3, tokens), comparesEqualTo(new BigDecimal("0.00975")));
        // with reasoning billed apart at 12: 500 × 2 + 1,500 × 0.5 + 700 × 12 + 300 × 8 = 12,550 per million
        Pricing apart = pricing("2", "8", "0.5", null, null, "12", null);
        assertThat(CostCalculator.cost(apart, tokens), comparesEqualTo(new BigDecimal("0.01255")));
    }

    @Test
    void shouldTakeTheCostOpenRouterReportedOverTheCatalogPrice() {
        UsageEvent.Tokens tokens = read("{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"cost\":0.000123456789}}");
        CostCalculator.Cost cost = CostCalculator.cost(new ModelPrice(O3, "catalog"), tokens);
        assertThat(cost.usd(), equalTo(new BigDecimal("0.000123456789")));
        assertThat(cost.source(), equalTo("provider"));
    }

    @Test
    void shouldAddThePerRequestFee() {
        Pricing fee = pricing("1", "1", null, null, null, null, "0.005");
        // 1,000 × 1 + 1,000 × 1 = 2,000 per million, + 0.005
        assertThat(CostCalculator.cost(fee, UsageEvent.Tokens.of(1000, 1000, 0, 0, false)),
                comparesEqualTo(new BigDecimal("0.007")));
    }

    @Test
    void shouldPriceAPassThroughModelAtItsProvidersDefaultElseAtOpenRoutersImportedPrice() {
        Pricing byDefault = pricing("1", "2", null, null, null, null, null);
        Provider priced = provider("acme", byDefault);
        Provider unpriced = provider("openai", Pricing.UNKNOWN);
        CatalogModel imported = new CatalogModel("openrouter", "openai/gpt-9", "openai/gpt-9", "openrouter:openai/gpt-9",
                null, null, null, List.of(), false, Set.of(), Set.of(), O3, 0);
        ModelDirectory directory = directory(Map.of("openrouter:openai/gpt-9", imported));

        ModelPrice acme = ModelPrice.of(new ModelAddress(priced, "new-model", null), directory);
        assertThat(acme.source(), equalTo("provider-default"));
        // 1,000 × 1 + 1,000 × 2 = 3,000 per million
        assertThat(CostCalculator.cost(acme, UsageEvent.Tokens.of(1000, 1000, 0, 0, false)).usd(),
                comparesEqualTo(new BigDecimal("0.003")));
        assertThat(ModelPrice.of(new ModelAddress(unpriced, "gpt-9", null), directory).source(),
                equalTo("openrouter-import"));
        ModelPrice none = ModelPrice.of(new ModelAddress(unpriced, "gpt-10", null), directory);
        assertThat(none.known(), equalTo(false));
        CostCalculator.Cost free = CostCalculator.cost(none, UsageEvent.Tokens.of(1000, 1000, 0, 0, false));
        assertThat(free.source(), equalTo("none"));
    }

    @Test
    void shouldBoundAnAttemptByTheDearestInputAndOutputRates() {
        // 1,000 × 6 (1-hour write) + 100 × 15 = 7,500 per million
        assertThat(CostCalculator.worstCase(SONNET, 1000, 100), comparesEqualTo(new BigDecimal("0.0075")));
    }

    private static UsageEvent.Tokens read(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return UsageExtractor.fromJson(bytes, 0, bytes.length);
    }

    static Pricing pricing(String in, String out, String read, String write5m, String write1h, String reasoning,
            String perRequest) {
        return new Pricing(dec(in), dec(out), dec(read), dec(write5m), dec(write1h), dec(reasoning), dec(perRequest));
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Provider provider(String id, Pricing defaultPricing) {
        return new Provider(id, null, Map.of(), true, true, Set.of(), Map.of(), defaultPricing);
    }

    private static ModelDirectory directory(Map<String, CatalogModel> models) {
        return new ModelDirectory() {
            @Override
            public Provider provider(String providerId) {
                return null;
            }

            @Override
            public CatalogModel model(String providerId, String modelId) {
                return models.get(providerId + ":" + modelId);
            }

            @Override
            public CatalogModel bareModel(String id) {
                return null;
            }

            @Override
            public CatalogModel modelWithSlashId(String id) {
                return null;
            }
        };
    }
}
