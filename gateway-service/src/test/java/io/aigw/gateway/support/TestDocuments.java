package io.aigw.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The control-plane documents of the gateway tests, shaped field for field as in docs/contracts.md, with
 * every provider pointed at the provider simulator (or at a closed port).
 */
public final class TestDocuments {

    public static final String BAD_KEY_VALUE = "sk-bad-0123456789abcdefSECRET";
    public static final Map<String, String> KEY_VALUES = Map.ofEntries(
            Map.entry("pk_openai1", "sim-key-1"), Map.entry("pk_openai2", "sim-key-2"),
            Map.entry("pk_openaibad", BAD_KEY_VALUE), Map.entry("pk_anthropic", "sim-key-1"),
            Map.entry("pk_openrouter", "sim-key-1"), Map.entry("pk_backup", "sim-key-2"),
            Map.entry("pk_dead", "sim-key-1"), Map.entry("pk_banded", "sim-key-1"), Map.entry("pk_gemini", "sim-key-1"),
            Map.entry("pk_geminibad", "gemini-bad-key"), Map.entry("pk_responder", "sim-key-1"));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> OPENAI = List.of("openai/chat-completions", "openai/completions",
            "openai/responses", "openai/embeddings");
    private static final String T0 = "2026-01-01T00:00:00Z";

    private TestDocuments() {
    }

    public static ObjectNode catalog(String simulator) {
        ObjectNode doc = MAPPER.createObjectNode().put("version", 42).put("generatedAt", T0);
        ArrayNode providers = doc.putArray("providers");
        providers.add(provider("openai", simulator + "/v1", "bearer", OPENAI, Map.of()));
        providers.add(provider("openrouter", simulator + "/api/v1", "bearer",
                List.of("openai/chat-completions", "openai/completions", "openai/embeddings"), Map.of()));
        providers.add(provider("anthropic", simulator + "/v1", "x-api-key", List.of("anthropic/messages"),
                Map.of("anthropic-version", "2023-06-01")));
        // extraHeaders that must never reach the wire (issue 14), beside one that must
        providers.add(provider("backup", simulator + "/v1", "bearer", OPENAI, Map.of("x-extra", "kept",
                "upgrade", "h2c", "te", "trailers", "keep-alive", "timeout=5", "trailer", "x-t",
                "content-type", "text/plain", "accept-encoding", "gzip", "host", "evil.example"))
                .put("builtIn", false));
        // the simulator under a name that resolves to loopback: refused by the upstream address policy at connect time
        providers.add(provider("internal", simulator.replace("127.0.0.1", "localhost") + "/v1", "bearer", OPENAI,
                Map.of()).put("builtIn", false).put("keyRequired", false));
        providers.add(provider("deadhost", "http://127.0.0.1:1/v1", "bearer", OPENAI, Map.of()).put("builtIn", false));
        providers.add(provider("nokeys", simulator + "/v1", "bearer", OPENAI, Map.of()).put("builtIn", false));
        providers.add(provider("retired", simulator + "/v1", "bearer", OPENAI, Map.of()).put("status", "disabled"));
        // aigw/auto's price bands: three models at three prices, the cheapest failing upstream (AutoModelProxyTest)
        providers.add(provider("banded", simulator + "/v1", "bearer", OPENAI, Map.of()).put("builtIn", false));
        // Google's native API (model and streaming in the URL, key in x-goog-api-key)
        providers.add(provider("gemini", simulator + "/v1beta", "x-goog-api-key", List.of("google/generate-content"),
                Map.of()));
        // a provider that serves OpenAI Responses only (like OpenAI's Responses-only models): chat, messages and Gemini
        // clients reach it translated (ChatSdkToResponsesProviderTest)
        providers.add(provider("responder", simulator + "/v1", "bearer", List.of("openai/responses"), Map.of())
                .put("builtIn", false));
        ArrayNode models = doc.putArray("models");
        models.add(model("openai", "gpt-4o", "gpt-4o-2024-08-06", true, List.of("gpt-4o-latest"), List.of(), List.of()));
        models.add(model("openai", "o1-mini", "o1-mini", true, List.of(), List.of("openai/chat-completions"),
                List.of("temperature", "top_p")));
        models.add(model("openai", "text-embedding-3-small", "text-embedding-3-small", true, List.of(),
                List.of("openai/embeddings"), List.of()));
        models.add(model("anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", true, List.of(), List.of(),
                List.of()));
        models.add(model("openrouter", "anthropic/claude-3.5-sonnet", "anthropic/claude-3.5-sonnet", false, List.of(),
                List.of(), List.of()));
        models.add(model("gemini", "gemini-2.5-flash", "gemini-2.5-flash", false, List.of(), List.of(), List.of()));
        models.add(model("backup", "gpt-4o-mini", "gpt-4o-mini", false, List.of(), List.of(), List.of()));
        models.add(priced(model("banded", "cheap@status=503", "cheap@status=503", false, List.of(), List.of(), List.of()),
                "0.1", "0.2"));
        models.add(priced(model("banded", "mid", "mid", false, List.of(), List.of(), List.of()), "1", "2"));
        models.add(priced(model("banded", "dear", "dear", false, List.of(), List.of(), List.of()), "10", "20"));
        models.add(model("responder", "o1-pro", "o1-pro", false, List.of(), List.of("openai/responses"), List.of()));
        ArrayNode virtual = doc.putArray("virtualModels");
        // the first target fails with 500: the request moves on to the next target
        virtual.add(virtualModel("vm-failover", "openai:vm-broken@status=500", "backup:gpt-4o-mini"));
        // the scoped key may call this name, but not its first target (provider openrouter)
        virtual.add(virtualModel("vm-scoped", "openrouter:anthropic/claude-3.5-sonnet", "openai:gpt-4o"));
        // a bare target: every provider serving a model of that id (here only backup, not bare-addressable itself)
        virtual.add(virtualModel("vm-bare", "gpt-4o-mini"));
        return doc;
    }

    public static ObjectNode config() {
        return config("open");
    }

    public static ObjectNode config(String limitsFailMode) {
        return config(limitsFailMode, 0);
    }

    /**
     * The configurations; {@code limitsFailMode} for the gateway settings (`open` or `closed`); {@code cooldownFailures}
     * failures of a backend within 30 s cool it down for 1 s (0: cooldowns off, as most tests reuse failing models).
     */
    public static ObjectNode config(String limitsFailMode, int cooldownFailures) {
        ObjectNode doc = MAPPER.createObjectNode().put("version", 9).put("generatedAt", T0);
        ArrayNode configurations = doc.putArray("configurations");
        ObjectNode scoped = configuration("cfg_scoped0000000001");
        ObjectNode access = scoped.putObject("access");
        access.putObject("providers").putArray("allow").add("openai").add("anthropic").add("backup");
        access.putObject("models").putArray("allow").add("openai:gpt-4o").add("anthropic:*").add("backup:gpt-4o-mini")
                .add("vm-scoped");
        configurations.add(scoped);
        ObjectNode routed = configuration("cfg_routed0000000001");
        ArrayNode rules = routed.putObject("router").putArray("rules");
        rules.add(rule("provider", "openai", keys("pk_openaibad", "pk_openai2")));
        rules.add(rule("provider", "gemini", keys("pk_geminibad", "pk_gemini")));
        ObjectNode modelRule = rule("model", "openai:o1-mini", keys("pk_openai1"));
        modelRule.withArray("steps").addObject().put("type", "fallback").putArray("models").add("backup:gpt-4o-mini");
        rules.add(modelRule);
        ObjectNode brokenRule = rule("model", "openai:broken@status=503", keys("pk_openai2"));
        brokenRule.withArray("steps").addObject().put("type", "fallback").putArray("models").add("backup:gpt-4o-mini");
        rules.add(brokenRule);
        configurations.add(routed);
        ObjectNode allBad = configuration("cfg_allbad0000000001");
        allBad.putObject("router").putArray("rules").add(rule("provider", "openai", keys("pk_openaibad")));
        configurations.add(allBad);
        // only the banded provider, a request without `model` is an aigw/auto request, and agent-guard's rules apply
        ObjectNode banded = configuration("cfg_auto000000000001");
        banded.putObject("access").putObject("providers").putArray("allow").add("banded");
        banded.putObject("router").put("autoWhenModelMissing", true).putArray("rules");
        banded.putObject("firewall").putArray("policies").add("fwp_guard00000000001");
        configurations.add(banded);
        ObjectNode nothing = configuration("cfg_nothing000000001");
        nothing.putObject("access").putObject("providers").putArray("allow");
        configurations.add(nothing);
        configurations.add(limited("cfg_rpm0000000000001", 3L, null, null));
        configurations.add(limited("cfg_tpm0000000000001", null, 5L, null));
        configurations.add(limited("cfg_budget0000000001", null, null, "0.0003"));
        ObjectNode daily = limited("cfg_daily00000000001", null, null, null);
        ((ObjectNode) daily.get("limits")).put("dailyBudgetUsd", new java.math.BigDecimal("0.0003"));
        configurations.add(daily);
        ObjectNode shared = limited("cfg_shared0000000001", null, null, null);
        ((ObjectNode) shared.get("limits")).putObject("configurationBudgetUsd").put("weekly", new java.math.BigDecimal("0.0003"));
        configurations.add(shared);
        ObjectNode unpriced = limited("cfg_unpriced00000001", null, null, "1");
        ((ObjectNode) unpriced.get("limits")).put("allowUnpricedModels", true);
        configurations.add(unpriced);
        for (String[] guarded : new String[][] {{"cfg_firewall00000001", "fwp_guard00000000001"},
            {"cfg_fwaudit000000001", "fwp_watch00000000001"}, {"cfg_fwjudge000000001", "fwp_judge00000000001"},
            {"cfg_fwlenient0000001", "fwp_lenient000000001"}, {"cfg_fwtools000000001", "fwp_tools00000000001"},
            {"cfg_fwtoolok00000001", "fwp_toolok0000000001"}, {"cfg_fwtoolhang000001", "fwp_toolhang00000001"}}) {
            ObjectNode firewalled = configuration(guarded[0]); // one configuration per firewall policy
            firewalled.putObject("firewall").putArray("policies").add(guarded[1]);
            configurations.add(firewalled);
        }
        firewallPolicies(doc.putArray("firewallPolicies"));
        doc.putObject("settings").put("attemptTimeout", "PT1.5S").put("totalTimeout", "4s").put("maxAttempts", 10)
                .put("maxBodyBytes", 65536).putNull("maxInputTokens").putNull("maxOutputTokens")
                .put("limitsFailMode", limitsFailMode).put("version", 3).put("updatedAt", T0)
                .putObject("defaultLimits").putNull("requestsPerMinute").putNull("tokensPerMinute")
                .putNull("monthlyBudgetUsd");
        ((ObjectNode) doc.get("settings")).putObject("cooldown").put("failures", cooldownFailures).put("window", "30s")
                .put("duration", "1s").put("providerFailures", 0)
                // tests fail over far more often than production traffic: no retry budget unless a test sets one
                .put("retryRatio", 100).put("minRetriesPerSecond", 100_000);
        return doc;
    }

    /**
     * {@code agent-guard} (enforce): tool calls named {@code shell.*} blocked, emails redacted, {@code password=} in
     * user text blocked. {@code watch} (audit): payment cards and {@code rm -rf} in tool calls only recorded.
     */
    private static void firewallPolicies(ArrayNode policies) {
        ObjectNode guard = policies.addObject().put("id", "fwp_guard00000000001").put("name", "agent-guard")
                .put("mode", "enforce").put("onError", "block").put("version", 1);
        ArrayNode rules = guard.putArray("rules");
        ObjectNode shell = rules.addObject().put("id", "no-shell").put("kind", "toolName").put("tier", "hardDeny")
                .put("action", "block");
        shell.putArray("targets").add("toolCall");
        shell.putArray("patterns").add("shell.*");
        ObjectNode emails = rules.addObject().put("id", "emails").put("kind", "pii").put("tier", "hardDeny")
                .put("action", "redact");
        emails.putArray("targets").add("user").add("system").add("toolResult");
        emails.putArray("detectors").add("email");
        ObjectNode passwords = rules.addObject().put("id", "passwords").put("kind", "regex").put("tier", "hardDeny")
                .put("action", "block").put("pattern", "(?i)password\\s*[:=]");
        passwords.putArray("targets").add("user");
        ObjectNode watch = policies.addObject().put("id", "fwp_watch00000000001").put("name", "watch")
                .put("mode", "audit").put("onError", "allow").put("version", 1);
        ArrayNode watched = watch.putArray("rules");
        ObjectNode cards = watched.addObject().put("id", "cards").put("kind", "pii").put("action", "block");
        cards.putArray("detectors").add("creditCard");
        ObjectNode rm = watched.addObject().put("id", "rm-rf").put("kind", "regex").put("pattern", "rm -rf");
        rm.putArray("targets").add("toolCall");
        judgePolicies(policies);
    }

    /**
     * {@code judged} (enforce, onError block): decision rules whose judge (a simulator model) answers a scripted
     * verdict, one per target so that a test picks its rule by what its request holds: user text judged NO_MATCH,
     * system text MATCH (hardDeny), tool results by a judge that hangs, assistant text by one that answers prose.
     * {@code judged-lenient} (onError allow): user text judged by a judge that hangs. {@code judged-tools},
     * {@code cleared-tools}, {@code hanging-tools}: the tool calls a model returns judged MATCH, NO_MATCH, or by a judge
     * that hangs.
     */
    private static void judgePolicies(ArrayNode policies) {
        ObjectNode judged = policies.addObject().put("id", "fwp_judge00000000001").put("name", "judged")
                .put("mode", "enforce").put("onError", "block").put("version", 1);
        ArrayNode rules = judged.putArray("rules");
        decision(rules, "clean", "user", "openai:gpt-4o-mini@reply=NO_MATCH");
        decision(rules, "money", "system", "openai:gpt-4o-mini@reply=MATCH");
        decision(rules, "slow", "toolResult", "openai:gpt-4o-mini@hang=1");
        decision(rules, "chatty", "assistant", "openai:gpt-4o-mini@reply=Certainly");
        ObjectNode lenient = policies.addObject().put("id", "fwp_lenient000000001").put("name", "judged-lenient")
                .put("mode", "enforce").put("onError", "allow").put("version", 1);
        decision(lenient.putArray("rules"), "slow-user", "user", "openai:gpt-4o-mini@hang=1");
        toolPolicy(policies, "fwp_tools00000000001", "judged-tools", "tool-money", "openai:gpt-4o-mini@reply=MATCH");
        toolPolicy(policies, "fwp_toolok0000000001", "cleared-tools", "tool-clean", "openai:gpt-4o-mini@reply=NO_MATCH");
        toolPolicy(policies, "fwp_toolhang00000001", "hanging-tools", "tool-slow", "openai:gpt-4o-mini@hang=1");
    }

    /** An enforcing policy (onError block) with one decision rule on the tool calls a model returns. */
    private static void toolPolicy(ArrayNode policies, String id, String name, String rule, String judge) {
        ObjectNode policy = policies.addObject().put("id", id).put("name", name).put("mode", "enforce")
                .put("onError", "block").put("version", 1);
        decision(policy.putArray("rules"), rule, "toolCall", judge);
    }

    private static void decision(ArrayNode rules, String id, String target, String model) {
        ObjectNode rule = rules.addObject().put("id", id).put("kind", "decision").put("tier", "hardDeny")
                .put("statement", "The text asks to move money out of the company").put("model", model);
        rule.putArray("targets").add(target);
    }

    public static ObjectNode providerKeys() {
        ObjectNode doc = MAPPER.createObjectNode().put("version", 17);
        ArrayNode keys = doc.putArray("providerKeys");
        keys.add(providerKey("pk_openai2", "openai", "2026-01-02T00:00:00Z"));
        keys.add(providerKey("pk_openai1", "openai", "2026-01-01T00:00:00Z"));
        keys.add(providerKey("pk_openaibad", "openai", "2026-01-03T00:00:00Z"));
        keys.add(providerKey("pk_anthropic", "anthropic", T0));
        keys.add(providerKey("pk_openrouter", "openrouter", T0));
        keys.add(providerKey("pk_backup", "backup", T0));
        keys.add(providerKey("pk_dead", "deadhost", T0));
        keys.add(providerKey("pk_banded", "banded", T0));
        keys.add(providerKey("pk_gemini", "gemini", T0));
        keys.add(providerKey("pk_geminibad", "gemini", "2026-01-02T00:00:00Z"));
        keys.add(providerKey("pk_responder", "responder", T0));
        return doc;
    }

    private static ObjectNode provider(String id, String baseUrl, String scheme, List<String> surfaces,
            Map<String, String> extraHeaders) {
        ObjectNode p = MAPPER.createObjectNode().put("id", id).put("displayName", id).put("baseUrl", baseUrl)
                .put("authScheme", scheme);
        ObjectNode headers = p.putObject("extraHeaders");
        extraHeaders.forEach(headers::put);
        p.put("builtIn", true).put("keyRequired", true).put("allowPassThroughModels", true)
                .put("website", "https://example.com").put("status", "active");
        surfaces.forEach(p.putArray("surfaces")::add);
        return p.put("version", 1).put("createdAt", T0).put("updatedAt", T0);
    }

    private static ObjectNode model(String provider, String id, String providerModelId, boolean bare, List<String> aliases,
            List<String> surfaces, List<String> unsupported) {
        ObjectNode m = MAPPER.createObjectNode().put("providerId", provider).put("modelId", id)
                .put("providerModelId", providerModelId).put("displayName", id.toUpperCase()).put("bareId", bare);
        aliases.forEach(m.putArray("aliases")::add);
        m.put("contextLength", 128000).put("maxOutputTokens", 16384);
        m.putArray("inputModalities").add("text");
        m.putArray("outputModalities").add("text");
        surfaces.forEach(m.putArray("surfaces")::add);
        unsupported.forEach(m.putArray("unsupportedParameters")::add);
        m.putObject("pricing").put("inputPerMTok", 2.5).put("outputPerMTok", 10).put("cachedInputPerMTok", 1.25)
                .putNull("cacheWritePerMTok").putNull("perRequest");
        return m.put("status", "active").put("version", 1).put("createdAt", T0).put("updatedAt", T0);
    }

    private static ObjectNode priced(ObjectNode model, String input, String output) {
        ((ObjectNode) model.get("pricing")).put("inputPerMTok", new java.math.BigDecimal(input))
                .put("outputPerMTok", new java.math.BigDecimal(output)).putNull("cachedInputPerMTok");
        return model;
    }

    public static ObjectNode virtualModel(String name, String... targets) {
        ObjectNode v = MAPPER.createObjectNode().put("name", name).putNull("description");
        ArrayNode list = v.putArray("targets");
        for (String target : targets) {
            list.add(target);
        }
        return v.put("version", 1).put("createdAt", T0).put("updatedAt", T0);
    }

    private static ObjectNode limited(String id, Long rpm, Long tpm, String budget) {
        ObjectNode c = configuration(id);
        ObjectNode limits = c.putObject("limits");
        limits.put("requestsPerMinute", rpm).put("tokensPerMinute", tpm);
        if (budget == null) {
            limits.putNull("monthlyBudgetUsd");
        } else {
            limits.put("monthlyBudgetUsd", new java.math.BigDecimal(budget));
        }
        return c;
    }

    private static ObjectNode configuration(String id) {
        return MAPPER.createObjectNode().put("id", id).put("name", id).put("description", "test")
                .put("version", 1).put("createdAt", T0).put("updatedAt", T0);
    }

    private static ObjectNode rule(String kind, String target, ObjectNode firstStep) {
        ObjectNode rule = MAPPER.createObjectNode().put(kind, target);
        rule.putArray("steps").add(firstStep);
        return rule;
    }

    private static ObjectNode keys(String... ids) {
        ObjectNode step = MAPPER.createObjectNode().put("type", "keys");
        ArrayNode array = step.putArray("keys");
        for (String id : ids) {
            array.add(id);
        }
        return step;
    }

    private static ObjectNode providerKey(String id, String provider, String createdAt) {
        return MAPPER.createObjectNode().put("id", id).put("providerId", provider).put("name", id)
                .put("description", "").put("redacted", "sim***").put("status", "active").put("version", 1)
                .put("createdAt", createdAt).put("updatedAt", createdAt);
    }
}
