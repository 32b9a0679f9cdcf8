package io.aigw.keys.providerkey;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.gateway;
import static io.aigw.keys.support.TestTokens.service;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProviderKeyResourceTest {

    static final String PATH = "/admin/v1/provider-keys";

    static String uniqueValue() {
        return "sk-or-v1-" + UUID.randomUUID().toString().replace("-", "") + "wxyz";
    }

    static JsonPath create(String providerId, String name, String value) {
        return admin().body("{\"providerId\":\"" + providerId + "\",\"name\":\"" + name + "\",\"value\":\"" + value + "\"}")
                .when().post(PATH).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void shouldCreateAndShowOnlyTheRedactedValue() {
        String value = uniqueValue();
        admin().body("{\"providerId\":\"" + TestCatalog.provider("openrouter") + "\",\"name\":\"primary\",\"description\":\"main\","
                        + "\"metadata\":{\"owner\":\"ops\"},\"value\":\"" + value + "\"}")
                .when().post(PATH).then().statusCode(201)
                .header("Location", matchesPattern(".*/admin/v1/provider-keys/pk_[0-9a-z]{16}"))
                .body("id", matchesPattern("pk_[0-9a-z]{16}"))
                .body("redacted", equalTo("sk-or-v1-" + value.substring(9, 11) + "***wxyz"))
                .body("status", equalTo("active"))
                .body("version", equalTo(1))
                .body("metadata.owner", equalTo("ops"))
                .body("$", not(hasKey("value")));
    }

    @Test
    void shouldRefuseTheDecryptedValueToTheServiceTokenEveryServiceHolds() {
        String value = uniqueValue();
        String id = create(TestCatalog.provider("openai"), "least-privilege", value).getString("id");
        String refused = service().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/forbidden"))
                .body("detail", containsString("gateway token")).extract().asString();
        assertFalse(refused.contains(value.substring(8)), "the refusal leaks the key");
        RestAssured.given().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(401);
        // the gateway's token opens the rest of the internal API it calls, and nothing of the admin API
        gateway().when().get("/internal/v1/provider-keys/" + id).then().statusCode(200);
        gateway().when().get("/admin/v1/provider-keys/" + id).then().statusCode(401);
    }

    @Test
    void shouldReturnTheDecryptedValueOnlyOnTheInternalApi() {
        String value = uniqueValue();
        String id = create(TestCatalog.provider("anthropic"), "gw", value).getString("id");
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(200)
                .body("id", equalTo(id)).body("providerId", equalTo(TestCatalog.provider("anthropic"))).body("version", equalTo(1))
                .body("value", equalTo(value));
        admin().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(401);
        gateway().when().get("/internal/v1/provider-keys/pk_0000000000000000/value").then().statusCode(404);
        service().when().get("/internal/v1/provider-keys").then().statusCode(200)
                .body("providerKeys.id", hasItem(id))
                .body("providerKeys[0]", not(hasKey("value")));
    }

    @Test
    void shouldMoveTheProviderKeysVersionWithProviderKeyChangesOnly() {
        long before = providerKeysVersion();
        admin().body("{\"name\":\"not a provider key\"}").when().post("/admin/v1/access-keys").then().statusCode(201);
        assertThat(providerKeysVersion(), equalTo(before));

        create(TestCatalog.provider("openai"), "versioned", uniqueValue());

        assertThat(providerKeysVersion(), equalTo(before + 1));
    }

    private long providerKeysVersion() {
        return service().when().get("/internal/v1/provider-keys").then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }

    @Test
    void shouldRotateKeepingTheIdAndBumpingTheVersion() {
        String id = create(TestCatalog.provider("openai"), "rot", uniqueValue()).getString("id");
        String next = "sk-proj-" + UUID.randomUUID().toString().replace("-", "") + "9999";
        admin().body("{\"value\":\"" + next + "\"}").when().post(PATH + "/" + id + "/rotate").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(2))
                .body("redacted", equalTo("sk-proj-" + next.substring(8, 10) + "***9999"));
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then()
                .body("value", equalTo(next)).body("version", equalTo(2));
        admin().body("{}").when().post(PATH + "/" + id + "/rotate").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/value"));
        admin().body("{\"value\":\"x\"}").when().post(PATH + "/pk_0000000000000000/rotate").then().statusCode(404);
    }

    @Test
    void shouldPatchOnlyNameDescriptionAndMetadata() {
        String value = uniqueValue();
        String id = admin().body("{\"providerId\":\"" + TestCatalog.provider("groq") + "\",\"name\":\"n\",\"description\":\"d\",\"metadata\":{\"a\":1},"
                + "\"value\":\"" + value + "\"}").post(PATH).then().statusCode(201).extract().path("id");
        admin().body("{\"name\":\"n2\"}").when().patch(PATH + "/" + id).then().statusCode(200)
                .body("name", equalTo("n2")).body("description", equalTo("d")).body("metadata.a", equalTo(1))
                .body("version", equalTo(2));
        admin().body("{\"description\":null,\"metadata\":null}").when().patch(PATH + "/" + id).then().statusCode(200)
                .body("description", nullValue()).body("metadata", nullValue()).body("version", equalTo(3));
        admin().body("{\"value\":\"sk-other-value-123456789\"}").when().patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/value"));
        admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\"}").when().patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/providerId"));
        admin().body("{\"name\":null}").when().patch(PATH + "/" + id).then().statusCode(400);
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then()
                .body("value", equalTo(value)).body("version", equalTo(3));
    }

    @Test
    void shouldRejectInvalidCreatesWithPointers() {
        admin().body("{\"providerId\":\"Not Valid\",\"name\":\"\",\"value\":\"has space\"}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/providerId"))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/value"));
        admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\",\"name\":\"x\"}").when().post(PATH).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/value"));
    }

    @Test
    void shouldFilterByProviderAndPaginate() {
        String provider = TestCatalog.provider("p-" + UUID.randomUUID().toString().substring(0, 8));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(provider, "k" + i, uniqueValue()).getString("id"));
        }
        create(TestCatalog.provider("other-provider"), "noise", uniqueValue());
        JsonPath first = admin().queryParam("providerId", provider).queryParam("limit", 2).get(PATH)
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = admin().queryParam("providerId", provider).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(PATH).then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("data.id"));
        seen.addAll(second.getList("data.id"));
        assertEquals(ids, seen);
        assertEquals(null, second.getString("nextCursor"));
    }

    @Test
    void shouldDeleteAndThenAnswer404() {
        String id = create(TestCatalog.provider("mistral"), "del", uniqueValue()).getString("id");
        admin().when().delete(PATH + "/" + id).then().statusCode(204);
        admin().when().get(PATH + "/" + id).then().statusCode(404);
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(404);
    }
}
