package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13 over the running suite, as an operator's script meets it: a resource created in one service is usable in
 * another at once; concurrent creates of one id and concurrent deletes of one resource each have exactly one winner
 * and answer promptly; a reference and a delete of what it refers to never both succeed (an access key and its
 * configuration, a configuration and its provider key, a provider key and its catalog provider, a configuration and
 * a provider, a catalog model or a virtual model it names).
 */
@Order(8)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPlaneConcurrencyIT {

    static final int SEQUENCES = 50;
    static final int AT_ONCE = 20;
    static final Duration PROMPT = Duration.ofSeconds(5);
    static final int ROUNDS = 10;

    private final RunningSuite suite = new RunningSuite();
    private final String run = Long.toString(System.nanoTime(), 36);
    /** What the tests created, url → kind, deleted afterwards (keys and configurations before providers). */
    private final Map<String, Integer> created = new ConcurrentHashMap<>();

    @AfterAll
    void cleanUp() {
        created.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> suite.admin("DELETE", e.getKey(), null));
    }

    @Test
    void shouldUseWhatAnotherServiceJustCreatedOnTheFirstTry() {
        for (int i = 0; i < SEQUENCES; i++) {
            String provider = provider("ryw-" + run + "-" + i);
            String providerKey = providerKey(provider);
            String configuration = configuration("ryw " + run + " " + i, provider, providerKey);
            accessKey(configuration);
        }
    }

    @Test
    void shouldCreateOneIdOnceWhenTwentyCreatesRace() {
        String provider = "race-" + run;
        assertOneWinner(201, 409, atOnce(() -> suite.admin("POST", suite.catalogUrl + "/admin/v1/providers",
                providerBody(provider))), "provider " + provider);
        created.put(suite.catalogUrl + "/admin/v1/providers/" + provider, 3);
        String model = "race-model-" + run;
        assertOneWinner(201, 409, atOnce(() -> suite.admin("POST", suite.catalogUrl + "/admin/v1/models",
                modelBody(provider, model))), "model " + model);
        created.put(suite.catalogUrl + "/admin/v1/models/" + provider + "/" + model, 2);
        String name = "race " + run;
        List<HttpResponse<String>> configurations = atOnce(() -> suite.admin("POST",
                suite.configUrl + "/admin/v1/configurations", "{\"name\":\"" + name + "\"}"));
        assertOneWinner(201, 409, configurations, "configuration " + name);
        configurations.stream().filter(r -> r.statusCode() == 201).forEach(r -> created.put(
                suite.configUrl + "/admin/v1/configurations/" + RunningSuite.json(r).path("id").asText(), 1));
    }

    @Test
    void shouldAnswerTwentyConcurrentDeletesPromptlyWithOneWinner() {
        String provider = provider("del-" + run);
        String model = "del-model-" + run;
        assertEquals(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/models", modelBody(provider, model)).statusCode());
        String providerKey = providerKey(provider);
        String configuration = configuration("del " + run, null, null);
        String accessKey = accessKey(configuration);
        // the dependants first, so that each delete below is allowed and only the race decides
        deleteTwentyAtOnce(suite.keysUrl + "/admin/v1/access-keys/" + accessKey);
        deleteTwentyAtOnce(suite.keysUrl + "/admin/v1/provider-keys/" + providerKey);
        deleteTwentyAtOnce(suite.catalogUrl + "/admin/v1/models/" + provider + "/" + model);
        Eventually.within(Duration.ofSeconds(20), "configuration " + configuration + " counts no access key",
                () -> suite.admin("GET", suite.configUrl + "/admin/v1/configurations/" + configuration, null),
                r -> RunningSuite.json(r).path("accessKeyCount").asInt(-1) == 0);
        deleteTwentyAtOnce(suite.configUrl + "/admin/v1/configurations/" + configuration);
        deleteTwentyAtOnce(suite.catalogUrl + "/admin/v1/providers/" + provider);
    }

    @Test
    void shouldNeverLetAReferenceAndADeleteOfItsTargetBothSucceed() {
        for (int round = 0; round < ROUNDS; round++) {
            String configuration = configuration("ref " + run + " " + round, null, null);
            String configurationUrl = suite.configUrl + "/admin/v1/configurations/" + configuration;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys",
                            "{\"name\":\"ref " + run + "\",\"configurationId\":\"" + configuration + "\"}"),
                    () -> suite.admin("DELETE", configurationUrl, null));
            HttpResponse<String> key = answers.get(0);
            HttpResponse<String> delete = answers.get(1);
            if (key.statusCode() == 201) {
                created.put(suite.keysUrl + "/admin/v1/access-keys/" + RunningSuite.json(key).path("id").asText(), 0);
            }
            assertFalse(key.statusCode() == 201 && delete.statusCode() == 204,
                    "access key bound to " + configuration + " and the configuration deleted: " + key.body());
            assertTrue(key.statusCode() == 201 || delete.statusCode() == 204,
                    "neither won: " + key.statusCode() + " " + key.body() + " / " + delete.statusCode() + " " + delete.body());
            HttpResponse<String> bound = suite.admin("GET", suite.keysUrl + "/admin/v1/access-keys?configurationId="
                    + configuration, null);
            assertEquals(key.statusCode() == 201 ? 1 : 0, RunningSuite.json(bound).path("data").size(),
                    "access keys stored for " + configuration + ": " + bound.body());
            assertEquals(delete.statusCode() == 204 ? 404 : 200, suite.admin("GET", configurationUrl, null).statusCode(),
                    "configuration " + configuration + " after the race");

            String provider = provider("ref-" + run + "-" + round);
            String providerKey = providerKey(provider);
            String providerKeyUrl = suite.keysUrl + "/admin/v1/provider-keys/" + providerKey;
            String routedName = "ref pk " + run + " " + round;
            answers = together(
                    () -> suite.admin("POST", suite.configUrl + "/admin/v1/configurations",
                            configurationBody(routedName, provider, providerKey)),
                    () -> suite.admin("DELETE", providerKeyUrl, null));
            HttpResponse<String> routed = answers.get(0);
            if (routed.statusCode() == 201) {
                created.put(suite.configUrl + "/admin/v1/configurations/" + RunningSuite.json(routed).path("id").asText(), 1);
            }
            assertFalse(routed.statusCode() == 201 && answers.get(1).statusCode() == 204,
                    "configuration routed through " + providerKey + " and the key deleted: " + routed.body());
            assertEquals(routed.statusCode() == 201 ? 1 : 0, configurationsNamed(routedName),
                    "configurations stored routing through " + providerKey);
            assertEquals(answers.get(1).statusCode() == 204 ? 404 : 200,
                    suite.admin("GET", providerKeyUrl, null).statusCode(), "provider key " + providerKey + " after the race");
        }
    }

    /**
     * A provider key (key-service) for a catalog provider, and the provider's DELETE (model-catalog-service), sent
     * together: never both succeed, and afterwards what is stored agrees (a key's provider is there; a deleted
     * provider has no key). The guard is the kit's {@code ReferenceGuards} protocol.
     */
    @Test
    void shouldNeverLetAProviderKeyAndTheDeleteOfItsProviderBothSucceed() {
        for (int round = 0; round < ROUNDS; round++) {
            String provider = provider("pdel-" + run + "-" + round);
            String providerUrl = suite.catalogUrl + "/admin/v1/providers/" + provider;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.keysUrl + "/admin/v1/provider-keys", "{\"providerId\":\"" + provider
                            + "\",\"name\":\"race " + provider + "\",\"value\":\"sk-e2e-" + run + "\"}"),
                    () -> suite.admin("DELETE", providerUrl, null));
            HttpResponse<String> key = answers.get(0);
            HttpResponse<String> delete = answers.get(1);
            if (key.statusCode() == 201) {
                created.put(suite.keysUrl + "/admin/v1/provider-keys/" + RunningSuite.json(key).path("id").asText(), 0);
            }
            assertFalse(key.statusCode() == 201 && delete.statusCode() == 204,
                    "provider key created for " + provider + " and the provider deleted: " + key.body());
            assertTrue(key.statusCode() == 201 || delete.statusCode() == 204,
                    "neither won: " + key.statusCode() + " " + key.body() + " / " + delete.statusCode() + " " + delete.body());
            assertTrue(key.statusCode() == 201 || key.statusCode() == 400 || key.statusCode() == 409,
                    "the losing create: " + key.statusCode() + " " + key.body());
            HttpResponse<String> keys = suite.admin("GET", suite.keysUrl + "/admin/v1/provider-keys?providerId="
                    + provider, null);
            int stored = RunningSuite.json(keys).path("data").size();
            if (key.statusCode() == 201) {
                assertEquals(200, suite.admin("GET", providerUrl, null).statusCode(), "the key's provider is still there");
                assertEquals(1, stored, "the key is stored: " + keys.body());
            } else {
                assertEquals(404, suite.admin("GET", providerUrl, null).statusCode(), "the provider was deleted");
                assertEquals(0, stored, "a key left for the deleted provider " + provider + ": " + keys.body());
            }
        }
    }

    /**
     * A configuration naming a catalog provider (config-service), and the provider's DELETE (the catalog), sent
     * together: never both succeed, and afterwards a stored configuration's provider is there.
     */
    @Test
    void shouldNeverLetAConfigurationNamingAProviderAndItsDeleteBothSucceed() {
        for (int round = 0; round < ROUNDS; round++) {
            String provider = provider("cdel-" + run + "-" + round);
            String providerUrl = suite.catalogUrl + "/admin/v1/providers/" + provider;
            String name = "pref " + run + " " + round;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.configUrl + "/admin/v1/configurations", "{\"name\":\"" + name
                            + "\",\"access\":{\"providers\":{\"allow\":[\"" + provider + "\"]}}}"),
                    () -> suite.admin("DELETE", providerUrl, null));
            checkConfigurationOrDelete(answers, "provider", provider, providerUrl, name);
        }
    }

    /**
     * A configuration naming a catalog model (config-service) created a moment before, and the model's DELETE (the
     * catalog), sent together: never both succeed, and afterwards a stored configuration's model is there. The
     * provider lists its models only (no pass-through), so a configuration can name the model only while it exists.
     */
    @Test
    void shouldNeverLetAConfigurationNamingACatalogModelAndItsDeleteBothSucceed() {
        String provider = closedProvider("mdel-" + run);
        for (int round = 0; round < ROUNDS; round++) {
            String address = provider + ":mdel-model-" + round;
            String modelUrl = model(provider, "mdel-model-" + round);
            String name = "mref " + run + " " + round;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.configUrl + "/admin/v1/configurations", "{\"name\":\"" + name
                            + "\",\"router\":{\"rules\":[{\"model\":\"" + address
                            + "\",\"steps\":[{\"type\":\"fallback\",\"models\":[\"openai:gpt-4o\"]}]}]}}"),
                    () -> suite.admin("DELETE", modelUrl, null));
            checkConfigurationOrDelete(answers, "model", address, modelUrl, name);
        }
    }

    /**
     * The same race for a provider that also takes models it does not list (pass-through): a configuration naming
     * the model is valid with or without it, so both may succeed, but only in that order (the DELETE, then the
     * configuration naming an unlisted model); a DELETE after the configuration is stored is refused. Whatever the
     * outcome, the stored configuration stays valid: its next PATCH succeeds.
     */
    @Test
    void shouldKeepAConfigurationNamingAPassThroughProvidersModelValidWhenItRacesTheModelsDelete() {
        String provider = provider("mpass-" + run);
        for (int round = 0; round < ROUNDS; round++) {
            String address = provider + ":mpass-model-" + round;
            String modelUrl = model(provider, "mpass-model-" + round);
            String name = "mpass " + run + " " + round;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.configUrl + "/admin/v1/configurations", "{\"name\":\"" + name
                            + "\",\"access\":{\"models\":{\"allow\":[\"" + address + "\"]}}}"),
                    () -> suite.admin("DELETE", modelUrl, null));
            HttpResponse<String> configuration = answers.get(0);
            HttpResponse<String> delete = answers.get(1);
            assertTrue(configuration.statusCode() == 201 || configuration.statusCode() == 409,
                    "configuration: " + configuration.statusCode() + " " + configuration.body());
            assertTrue(delete.statusCode() == 204 || delete.statusCode() == 409,
                    "delete: " + delete.statusCode() + " " + delete.body());
            if (configuration.statusCode() != 201) {
                continue;
            }
            String id = RunningSuite.json(configuration).path("id").asText();
            String url = suite.configUrl + "/admin/v1/configurations/" + id;
            created.put(url, 1);
            assertEquals(200, suite.admin("PATCH", url, "{\"description\":\"after the race\"}").statusCode(),
                    "the stored configuration naming " + address + " stays valid");
            if (delete.statusCode() == 409) {
                assertEquals(200, suite.admin("GET", modelUrl, null).statusCode(), "the refused delete kept the model");
            } else {
                expect(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/models",
                        modelBody(provider, "mpass-model-" + round)), "model " + address + " again");
                HttpResponse<String> again = suite.admin("DELETE", modelUrl, null);
                assertEquals(409, again.statusCode(), "a delete after the configuration is stored: " + again.body());
                assertTrue(again.body().contains(id), "the refusal names the configuration: " + again.body());
            }
        }
    }

    /**
     * A configuration whose access scope names a virtual model (config-service), and the virtual model's DELETE (the
     * catalog), sent together: never both succeed, and afterwards a stored configuration's virtual model is there.
     */
    @Test
    void shouldNeverLetAConfigurationNamingAVirtualModelAndItsDeleteBothSucceed() {
        for (int round = 0; round < ROUNDS; round++) {
            String virtual = "vdel-" + run + "-" + round;
            String virtualUrl = suite.catalogUrl + "/admin/v1/virtual-models/" + virtual;
            expect(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/virtual-models", "{\"name\":\"" + virtual
                    + "\",\"targets\":[\"openai:gpt-4o\"]}"), "virtual model " + virtual);
            created.put(virtualUrl, 2);
            String name = "vref " + run + " " + round;
            List<HttpResponse<String>> answers = together(
                    () -> suite.admin("POST", suite.configUrl + "/admin/v1/configurations", "{\"name\":\"" + name
                            + "\",\"access\":{\"models\":{\"allow\":[\"" + virtual + "\"]}}}"),
                    () -> suite.admin("DELETE", virtualUrl, null));
            checkConfigurationOrDelete(answers, "virtual model", virtual, virtualUrl, name);
        }
    }

    /**
     * Of a configuration {@code name} naming {@code what} (a {@code kind}: "provider", "model", "virtual model" at
 * {@code url})
     * and {@code what}'s DELETE, sent together ({@code answers}: the POST's, then the DELETE's): never both succeed,
     * one does, and afterwards a stored configuration's {@code what} is there, else it is gone.
     */
    private void checkConfigurationOrDelete(List<HttpResponse<String>> answers, String kind, String what, String url,
            String name) {
        HttpResponse<String> configuration = answers.get(0);
        HttpResponse<String> delete = answers.get(1);
        if (configuration.statusCode() == 201) {
            created.put(suite.configUrl + "/admin/v1/configurations/"
                    + RunningSuite.json(configuration).path("id").asText(), 1);
        }
        assertFalse(configuration.statusCode() == 201 && delete.statusCode() == 204,
                "configuration naming " + what + " created and the " + kind + " deleted: " + configuration.body());
        assertTrue(configuration.statusCode() == 201 || delete.statusCode() == 204, "neither won: "
                + configuration.statusCode() + " " + configuration.body() + " / " + delete.statusCode() + " "
                + delete.body());
        long stored = configurationsNamed(name);
        if (configuration.statusCode() == 201) {
            assertEquals(200, suite.admin("GET", url, null).statusCode(), "its " + kind + " is still there");
            assertEquals(1, stored, "the configuration " + name + " is stored");
        } else {
            assertEquals(404, suite.admin("GET", url, null).statusCode(), "the " + kind + " was deleted");
            assertEquals(0, stored, "a configuration naming the deleted " + what);
        }
    }

    /** How many stored configurations have exactly this name (the list filter matches a part of the name). */
    private long configurationsNamed(String name) {
        HttpResponse<String> page = suite.admin("GET", suite.configUrl + "/admin/v1/configurations?limit=100&name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(200, page.statusCode(), page.body());
        long count = 0;
        for (var item : RunningSuite.json(page).path("data")) {
            if (name.equals(item.path("name").asText())) {
                count++;
            }
        }
        return count;
    }

    private void deleteTwentyAtOnce(String url) {
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = atOnce(() -> suite.admin("DELETE", url, null));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(PROMPT) <= 0, "20 DELETEs of " + url + " took " + took);
        long deleted = answers.stream().filter(r -> r.statusCode() == 204).count();
        assertTrue(deleted >= 1, url + ": no 204 among " + statuses(answers));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 204 || r.statusCode() == 404),
                url + ": " + statuses(answers));
        assertEquals(404, suite.admin("GET", url, null).statusCode(), url + " is still there");
    }

    private static void assertOneWinner(int won, int lost, List<HttpResponse<String>> answers, String what) {
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == won).count(), what + ": " + statuses(answers));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == won || r.statusCode() == lost),
                what + ": " + statuses(answers));
    }

    private static List<Integer> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(HttpResponse::statusCode).toList();
    }

    private List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>> call) {
        List<Supplier<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            calls.add(call);
        }
        return Concurrently.run(calls);
    }

    @SafeVarargs
    private static List<HttpResponse<String>> together(Supplier<HttpResponse<String>>... calls) {
        return Concurrently.run(List.of(calls));
    }

    private String provider(String id) {
        expect(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/providers", providerBody(id)), "provider " + id);
        created.put(suite.catalogUrl + "/admin/v1/providers/" + id, 3);
        return id;
    }

    /** A provider that takes only the models it lists (no pass-through). */
    private String closedProvider(String id) {
        expect(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/providers", providerBody(id)
                .replace("\"surfaces\"", "\"allowPassThroughModels\":false,\"surfaces\"")), "provider " + id);
        created.put(suite.catalogUrl + "/admin/v1/providers/" + id, 3);
        return id;
    }

    /** Creates {@code model} of {@code provider}; answers its admin URL. */
    private String model(String provider, String model) {
        String url = suite.catalogUrl + "/admin/v1/models/" + provider + "/" + model;
        expect(201, suite.admin("POST", suite.catalogUrl + "/admin/v1/models", modelBody(provider, model)),
                "model " + model);
        created.put(url, 2);
        return url;
    }

    private String providerKey(String provider) {
        String id = expect(201, suite.admin("POST", suite.keysUrl + "/admin/v1/provider-keys",
                "{\"providerId\":\"" + provider + "\",\"name\":\"e2e " + provider + "\",\"value\":\"sk-e2e-" + run + "\"}"),
                "provider key for the provider " + provider + " created a moment ago");
        created.put(suite.keysUrl + "/admin/v1/provider-keys/" + id, 1);
        return id;
    }

    private String configuration(String name, String provider, String providerKey) {
        String id = expect(201, suite.admin("POST", suite.configUrl + "/admin/v1/configurations",
                configurationBody(name, provider, providerKey)), "configuration routing through " + providerKey);
        created.put(suite.configUrl + "/admin/v1/configurations/" + id, 1);
        return id;
    }

    private String accessKey(String configuration) {
        String id = expect(201, suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys",
                "{\"name\":\"e2e " + run + "\",\"configurationId\":\"" + configuration + "\"}"),
                "access key bound to the configuration " + configuration + " created a moment ago");
        created.put(suite.keysUrl + "/admin/v1/access-keys/" + id, 0);
        return id;
    }

    private static String expect(int status, HttpResponse<String> answer, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        return RunningSuite.json(answer).path("id").asText();
    }

    private static String providerBody(String id) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"e2e\",\"baseUrl\":\"https://" + id
                + ".example.com/v1\",\"surfaces\":[\"openai/chat-completions\"]}";
    }

    private static String modelBody(String provider, String model) {
        return "{\"providerId\":\"" + provider + "\",\"modelId\":\"" + model + "\"}";
    }

    private static String configurationBody(String name, String provider, String providerKey) {
        if (provider == null) {
            return "{\"name\":\"" + name + "\"}";
        }
        return "{\"name\":\"" + name + "\",\"router\":{\"rules\":[{\"provider\":\"" + provider
                + "\",\"steps\":[{\"type\":\"keys\",\"keys\":[\"" + providerKey + "\"]}]}]}}";
    }
}
