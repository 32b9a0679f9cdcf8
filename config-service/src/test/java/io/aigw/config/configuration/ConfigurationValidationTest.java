package io.aigw.config.configuration;

import static io.aigw.config.support.Admin.admin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every validation rule answers 400 with a JSON pointer to the offending field, and stores nothing. */
@QuarkusTest
class ConfigurationValidationTest {

    private static String or;
    private static String anth;
    private static String oai;
    private static String bare;
    private static String orKey;
    private static String anthKey;

    private final TestCatalog catalog;

    ConfigurationValidationTest(TestCatalog catalog) {
        this.catalog = catalog;
    }

    @BeforeEach
    void seedOnce() {
        if (or != null) {
            return;
        }
        or = TestCatalog.uniqueId("or");
        anth = TestCatalog.uniqueId("anth");
        oai = TestCatalog.uniqueId("oai");
        bare = TestCatalog.uniqueId("gpt");
        catalog.provider(or, true);
        catalog.provider(anth, false);
        catalog.provider(oai, false);
        catalog.model(anth, "claude-sonnet-4-5", false);
        catalog.model(or, anth + "/claude-sonnet-4-5", false);
        catalog.model(or, anth + "/claude-3.5-sonnet", false);
        catalog.model(oai, "gpt-4o", false);
        catalog.model(oai, bare, true);
        orKey = catalog.providerKey(or);
        anthKey = catalog.providerKey(anth);
    }

    private ValidatableResponse create(String json) {
        return admin().body(json).when().post("/admin/v1/configurations").then();
    }

    private ValidatableResponse rejected(String json, String pointer, String detailPart) {
        return create(json).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/validation-failed"))
                .body("errors.pointer", equalTo(List.of(pointer)))
                .body("errors[0].detail", containsString(detailPart));
    }

    @Test
    void shouldAnswerMalformedJsonProblemForUnparsableBody() {
        create("{\"name\": ").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/malformed-json"));
    }

    @Test
    void shouldRequireAName() {
        rejected("{\"description\":\"x\"}", "/name", "required");
    }

    @Test
    void shouldRejectUnknownFieldsWithTheirPointer() {
        rejected("{\"name\":\"" + TestCatalog.uniqueId("v") + "\",\"acess\":{}}", "/acess", "unknown field");
    }

    @Test
    void shouldRejectWrongTypesAndRangesInLimits() {
        create("{\"name\":\"" + TestCatalog.uniqueId("v") + "\",\"limits\":{\"requestsPerMinute\":\"many\","
                + "\"tokensPerMinute\":0,\"monthlyBudgetUsd\":-1}}")
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/limits/requestsPerMinute", "/limits/tokensPerMinute",
                        "/limits/monthlyBudgetUsd"));
    }

    @Test
    void shouldRejectBadBudgetsWithTheirPointers() {
        create("{\"name\":\"" + TestCatalog.uniqueId("v") + "\",\"limits\":{\"dailyBudgetUsd\":0.0000001,"
                + "\"weeklyBudgetUsd\":\"5\",\"configurationBudgetUsd\":{\"daily\":-1,\"yearly\":5},"
                + "\"allowUnpricedModels\":\"yes\"}}")
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/limits/dailyBudgetUsd", "/limits/weeklyBudgetUsd",
                        "/limits/configurationBudgetUsd/daily", "/limits/configurationBudgetUsd/yearly",
                        "/limits/allowUnpricedModels"));
    }

    @Test
    void shouldKeepBudgetsPerKeyAndPerConfigurationAsWritten() {
        create("{\"name\":\"" + TestCatalog.uniqueId("v") + "\",\"limits\":{\"dailyBudgetUsd\":1.5,"
                + "\"monthlyBudgetUsd\":20,\"configurationBudgetUsd\":{\"weekly\":100.25},\"allowUnpricedModels\":true}}")
                .statusCode(201)
                .body("limits.dailyBudgetUsd", org.hamcrest.Matchers.equalTo(1.5f))
                .body("limits.weeklyBudgetUsd", org.hamcrest.Matchers.nullValue())
                .body("limits.monthlyBudgetUsd", org.hamcrest.Matchers.equalTo(20))
                .body("limits.configurationBudgetUsd.weekly", org.hamcrest.Matchers.equalTo(100.25f))
                .body("limits.configurationBudgetUsd.daily", org.hamcrest.Matchers.nullValue())
                .body("limits.allowUnpricedModels", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void shouldRejectRuleNamingBothProviderAndModel() {
        rejected("""
                {"name":"%s","router":{"rules":[{"provider":"%s","model":"%s:x","steps":[{"type":"keys","keys":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, or, orKey), "/router/rules/0", "exactly one");
    }

    @Test
    void shouldRejectUnknownStepTypeAndEmptyKeyList() {
        create("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"random"},{"type":"keys","keys":[]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or))
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/router/rules/0/steps/0/type", "/router/rules/0/steps/1/keys"));
    }

    @Test
    void shouldRejectUnknownProviderInAccessScope() {
        rejected("""
                {"name":"%s","access":{"providers":{"allow":["%s","nope-provider"]}}}
                """.formatted(TestCatalog.uniqueId("v"), or), "/access/providers/allow/1", "unknown provider");
    }

    @Test
    void shouldRejectModelMissingFromCatalogWhenProviderRefusesPassThrough() {
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s:claude-9"]}}}
                """.formatted(TestCatalog.uniqueId("v"), anth), "/access/models/allow/0", "pass-through");
    }

    @Test
    void shouldAcceptUnknownModelOfPassThroughProviderAndCanonicalForms() {
        admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s:some/new-model:free","%s/gpt-4o","%s"]}}}
                """.formatted(TestCatalog.uniqueId("v"), or, oai, bare.toUpperCase()))
                .when().post("/admin/v1/configurations")
                .then().statusCode(201)
                .body("access.models.allow", equalTo(List.of(or + ":some/new-model:free", oai + ":gpt-4o", oai + ":" + bare)));
    }

    @Test
    void shouldAcceptProviderPatternsInTheModelScopeAndStoreThemAsWritten() {
        admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s:*","%s:gpt-4o*"]}}}
                """.formatted(TestCatalog.uniqueId("v"), anth, oai))
                .when().post("/admin/v1/configurations")
                .then().statusCode(201)
                .body("access.models.allow", equalTo(List.of(anth + ":*", oai + ":gpt-4o*")));
    }

    @Test
    void shouldTreatAFallbackMatchedByAPatternAsInsideTheScope() {
        create("""
                {"name":"%s","access":{"models":{"allow":["%s:*","%s:gpt-4o*"]}},
                 "router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"fallback","models":["%s:gpt-4o"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, oai, anth, oai)).statusCode(201);
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s:*"]}},
                 "router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"fallback","models":["%s:gpt-4o"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, anth, oai), "/router/rules/0/steps/0/models/0",
                "outside the access scope");
    }

    @Test
    void shouldRejectPatternsThatAreNotProviderPrefixStar() {
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s:*-mini"]}}}
                """.formatted(TestCatalog.uniqueId("v"), oai), "/access/models/allow/0", "one \"*\" at the end");
        rejected("""
                {"name":"%s","access":{"models":{"allow":["nope-provider:*"]}}}
                """.formatted(TestCatalog.uniqueId("v")), "/access/models/allow/0", "unknown provider");
    }

    @Test
    void shouldRejectAPatternWhereOneModelMustBeNamed() {
        rejected("""
                {"name":"%s","router":{"rules":[{"model":"%s:*","steps":[{"type":"keys","keys":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey), "/router/rules/0/model", "only for /access/models/allow");
    }

    @Test
    void shouldRejectSlashFormWhenItIsAmbiguous() {
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s/claude-sonnet-4-5"]}}}
                """.formatted(TestCatalog.uniqueId("v"), anth), "/access/models/allow/0", "ambiguous");
    }

    @Test
    void shouldSuggestCatalogModelWhenSlashFormIsNotInTheNamedProvidersCatalog() {
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s/claude-3.5-sonnet"]}}}
                """.formatted(TestCatalog.uniqueId("v"), anth), "/access/models/allow/0",
                "did you mean \"" + or + ":" + anth + "/claude-3.5-sonnet\"");
    }

    @Test
    void shouldAcceptAndReturnKeyStrategiesWithWeights() {
        String second = catalog.providerKey(or);
        create("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s","%s"],
                  "strategy":"weighted","weights":{"%s":3,"%s":1}}]},
                  {"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"],"strategy":"least-busy"}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey, second, orKey, second, anth, anthKey))
                .statusCode(201)
                .body("router.rules[0].steps[0].strategy", equalTo("weighted"))
                .body("router.rules[0].steps[0].weights." + orKey, equalTo(3))
                .body("router.rules[0].steps[0].weights." + second, equalTo(1))
                .body("router.rules[1].steps[0].strategy", equalTo("least-busy"));
    }

    @Test
    void shouldRejectAnUnknownKeyStrategyNamingTheField() {
        rejected("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s"],"strategy":"fastest"}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey), "/router/rules/0/steps/0/strategy",
                "ordered, weighted, round-robin, least-busy");
    }

    @Test
    void shouldRejectWeightsWithoutTheWeightedStrategy() {
        rejected("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s"],"strategy":"round-robin",
                  "weights":{"%s":2}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey, orKey), "/router/rules/0/steps/0/weights",
                "only allowed with strategy \"weighted\"");
    }

    @Test
    void shouldRejectWeightsThatAreNotPositiveWholeNumbersOrNameOtherKeys() {
        create("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s"],"strategy":"weighted",
                  "weights":{"%s":0,"pk_other00000000000":2}}]},
                  {"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"],"strategy":"weighted",
                  "weights":{"%s":1.5}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey, orKey, anth, anthKey, anthKey))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/router/rules/0/steps/0/weights/" + orKey,
                        "/router/rules/0/steps/0/weights/pk_other00000000000", "/router/rules/1/steps/0/weights/" + anthKey));
    }

    @Test
    void shouldRejectUnknownProviderKey() {
        rejected("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s","pk_doesnotexist0000"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey), "/router/rules/0/steps/0/keys/1", "unknown provider key");
    }

    @Test
    void shouldRejectProviderKeyOfAnotherProvider() {
        rejected("""
                {"name":"%s","router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, orKey), "/router/rules/0/steps/0/keys/0",
                "belongs to provider \"" + or + "\"");
    }

    @Test
    void shouldRejectSecondRuleForTheSameProvider() {
        rejected("""
                {"name":"%s","router":{"rules":[
                  {"provider":"%s","steps":[{"type":"keys","keys":["%s"]}]},
                  {"provider":"%s","steps":[{"type":"fallback","models":["%s:gpt-4o"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or, orKey, or, oai), "/router/rules/1/provider", "already a rule");
    }

    @Test
    void shouldRejectDuplicateModelRuleEvenWhenWrittenDifferently() {
        rejected("""
                {"name":"%s","router":{"rules":[
                  {"model":"%s:gpt-4o","steps":[{"type":"fallback","models":["%s:x"]}]},
                  {"model":"%s/gpt-4o","steps":[{"type":"fallback","models":["%s:y"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, or, oai, or), "/router/rules/1/model", "already a rule");
    }

    @Test
    void shouldRejectFallbackModelOutsideTheAccessScope() {
        rejected("""
                {"name":"%s","access":{"providers":{"allow":["%s"]}},
                 "router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"]},
                   {"type":"fallback","models":["%s:gpt-4o"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, anth, anthKey, oai),
                "/router/rules/0/steps/1/models/0", "outside the access scope");
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s:claude-sonnet-4-5"]}},
                 "router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"fallback","models":["%s:gpt-4o"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, anth, oai),
                "/router/rules/0/steps/0/models/0", "not in /access/models/allow");
    }

    @Test
    void shouldNameEveryOffendingFieldInOneAnswer() {
        create("""
                {"name":"%s","access":{"providers":{"allow":["ghost"]},"models":{"allow":["ghost:m"]}},
                 "router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["pk_missing000000000"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), or))
                .statusCode(400)
                .body("errors", hasSize(3))
                .body("errors.pointer", containsInAnyOrder("/access/providers/allow/0", "/access/models/allow/0",
                        "/router/rules/0/steps/0/keys/0"));
    }

    @Test
    void shouldValidateWithoutSavingOnDryRun() {
        String name = TestCatalog.uniqueId("dry");
        admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s/gpt-4o"]}}}
                """.formatted(name, oai))
                .when().post("/admin/v1/configurations:validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("configuration.access.models.allow", equalTo(List.of(oai + ":gpt-4o")));
        admin().urlEncodingEnabled(false) // the colon as curl sends it (above: percent-encoded)
                .body("{\"name\":\"" + name + "\",\"access\":{\"providers\":{\"allow\":[\"ghost\"]}}}")
                .when().post("/admin/v1/configurations:validate")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/access/providers/allow/0"));
        admin().queryParam("name", name).when().get("/admin/v1/configurations")
                .then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldLeaveConfigurationUnchangedWhenPatchIsInvalid() {
        String id = admin().body("{\"name\":\"" + TestCatalog.uniqueId("keep") + "\",\"description\":\"before\"}")
                .when().post("/admin/v1/configurations").then().statusCode(201).extract().path("id");
        admin().body("{\"description\":\"after\",\"access\":{\"providers\":{\"allow\":[\"ghost\"]}}}")
                .when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/access/providers/allow/0"));
        admin().when().get("/admin/v1/configurations/" + id)
                .then().body("description", equalTo("before")).body("version", equalTo(1))
                .body("access.providers", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldAllowAVirtualModelByNameInTheModelScope() {
        String virtual = TestCatalog.uniqueId("Chat-Default");
        catalog.virtualModel(virtual, 1, oai + ":gpt-4o", anth + ":claude-sonnet-4-5");
        // as the catalog spells it, whatever the case written; beside a provider scope that names neither target
        create("""
                {"name":"%s","access":{"providers":{"allow":["%s"]},"models":{"allow":["%s","%s:gpt-4o"]}}}
                """.formatted(TestCatalog.uniqueId("v"), oai, virtual.toLowerCase(), oai))
                .statusCode(201)
                .body("access.models.allow", equalTo(List.of(virtual, oai + ":gpt-4o")));
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s","%s"]}}}
                """.formatted(TestCatalog.uniqueId("v"), virtual, virtual.toUpperCase()),
                "/access/models/allow/1", "duplicate entry");
    }

    @Test
    void shouldAskTheCatalogAboutAVirtualModelItsProjectionHasNotSeenYet() {
        String virtual = TestCatalog.uniqueId("Just-Made");
        // created at the catalog a moment ago: its event has not reached this service's projection
        io.aigw.config.support.TestOwners.add("virtual-models", virtual.toLowerCase(),
                new io.vertx.core.json.JsonObject().put("name", virtual).put("targets", List.of(oai + ":gpt-4o")));
        create("""
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("v"), virtual.toLowerCase()))
                .statusCode(201)
                .body("access.models.allow", equalTo(List.of(virtual)));
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("v"), TestCatalog.uniqueId("never-made")),
                "/access/models/allow/0", "unknown model");
    }

    @Test
    void shouldAnswer503WhenTheCatalogCannotSayWhetherAnUnseenVirtualModelExists() {
        io.aigw.config.support.TestOwners.down(true);
        try {
            create("""
                    {"name":"%s","access":{"models":{"allow":["%s"]}}}
                    """.formatted(TestCatalog.uniqueId("v"), TestCatalog.uniqueId("maybe")))
                    .statusCode(503).contentType("application/problem+json");
        } finally {
            io.aigw.config.support.TestOwners.down(false);
        }
    }

    @Test
    void shouldKeepTheSwitchThatReadsAMissingModelAsAutoAndRefuseANonBoolean() {
        String id = create("""
                {"name":"%s","router":{"autoWhenModelMissing":true}}
                """.formatted(TestCatalog.uniqueId("auto")))
                .statusCode(201)
                .body("router.autoWhenModelMissing", equalTo(true))
                .body("router.rules", hasSize(0)).extract().path("id");
        admin().body("{\"router\":{\"autoWhenModelMissing\":false}}").when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(200).body("router.autoWhenModelMissing", org.hamcrest.Matchers.nullValue());
        rejected("""
                {"name":"%s","router":{"autoWhenModelMissing":"yes"}}
                """.formatted(TestCatalog.uniqueId("auto")), "/router/autoWhenModelMissing", "true or false");
    }

    @Test
    void shouldRejectADeletedVirtualModelInTheModelScope() {
        String virtual = TestCatalog.uniqueId("gone");
        catalog.virtualModel(virtual, 1, oai + ":gpt-4o");
        catalog.deleteVirtualModel(virtual, 2);
        rejected("""
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("v"), virtual), "/access/models/allow/0", "unknown model");
    }

    @Test
    void shouldAcceptABalanceStepOverTheRulesOwnModelAndOthersWithWeightsOnCanonicalAddresses() {
        create("""
                {"name":"%s","router":{"rules":[{"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"]},
                  {"type":"balance","models":["%s:claude-sonnet-4-5","%s/%s/claude-sonnet-4-5"],
                   "weights":{"%s:claude-sonnet-4-5":3,"%s/%s/claude-sonnet-4-5":1}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), anth, anthKey, anth, or, anth, anth, or, anth))
                .statusCode(201)
                .body("router.rules[0].steps[1].type", equalTo("balance"))
                .body("router.rules[0].steps[1].models", equalTo(List.of(anth + ":claude-sonnet-4-5",
                        or + ":" + anth + "/claude-sonnet-4-5")))
                .body("router.rules[0].steps[1].weights", equalTo(java.util.Map.of(anth + ":claude-sonnet-4-5", 3,
                        or + ":" + anth + "/claude-sonnet-4-5", 1)));
    }

    @Test
    void shouldRejectABalanceStepWithAWeightForAModelNotInIt() {
        rejected("""
                {"name":"%s","router":{"rules":[{"model":"%s:gpt-4o","steps":[
                  {"type":"balance","models":["%s:gpt-4o"],"weights":{"%s:%s":2}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, oai, oai, bare),
                "/router/rules/0/steps/0/weights/" + oai + ":" + bare, "not in this step's models");
    }

    @Test
    void shouldRejectABalanceStepRepeatingAModelOrNamingOneOutsideTheScope() {
        create("""
                {"name":"%s","access":{"providers":{"allow":["%s","%s"]}},
                 "router":{"rules":[{"model":"%s:gpt-4o","steps":[
                  {"type":"balance","models":["%s:gpt-4o","%s:gpt-4o","%s:claude-sonnet-4-5"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, or, oai, oai, oai, anth))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/router/rules/0/steps/0/models/1",
                        "/router/rules/0/steps/0/models/2"));
    }

    @Test
    void shouldAcceptABalanceStepOverProvidersWithWeightsByProviderId() {
        create("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[
                  {"type":"balance","providers":["%s","%s"],"weights":{"%s":3}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, oai, or, or))
                .statusCode(201)
                .body("router.rules[0].steps[0].type", equalTo("balance"))
                .body("router.rules[0].steps[0].providers", equalTo(List.of(oai, or)))
                .body("router.rules[0].steps[0].weights", equalTo(java.util.Map.of(or, 3)))
                .body("router.rules[0].steps[0].models", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldRejectABalanceStepOverUnknownRepeatedOrOutOfScopeProviders() {
        create("""
                {"name":"%s","access":{"providers":{"allow":["%s","%s"]}},
                 "router":{"rules":[{"model":"%s:gpt-4o","steps":[
                  {"type":"balance","providers":["%s","%s","%s","nosuchprovider%s"],"weights":{"%s":2}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, or, oai, oai, oai, anth, TestCatalog.uniqueId("p"), oai))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/router/rules/0/steps/0/providers/1",
                        "/router/rules/0/steps/0/providers/2", "/router/rules/0/steps/0/providers/3"));
    }

    @Test
    void shouldRejectABalanceStepNamingBothModelsAndProvidersOrAWeightForAnotherProvider() {
        rejected("""
                {"name":"%s","router":{"rules":[{"model":"%s:gpt-4o","steps":[
                  {"type":"balance","models":["%s:gpt-4o"],"providers":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, oai, or),
                "/router/rules/0/steps/0/providers", "either");
        rejected("""
                {"name":"%s","router":{"rules":[{"model":"%s:gpt-4o","steps":[
                  {"type":"balance","providers":["%s"],"weights":{"%s":2}}]}]}}
                """.formatted(TestCatalog.uniqueId("v"), oai, oai, or),
                "/router/rules/0/steps/0/weights/" + or, "not in this step's providers");
    }
}
