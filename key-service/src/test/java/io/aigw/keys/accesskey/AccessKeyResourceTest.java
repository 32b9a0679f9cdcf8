package io.aigw.keys.accesskey;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessKeyResourceTest {

    private static final String PATH = "/admin/v1/access-keys";
    private static final String TEST_PEPPER = "7FIGhyTgoi16R0i3kQ/XgNmvHb/Go3WJJbVAsWsQTqU=";

    static JsonPath create(String body) {
        return admin().body(body).when().post(PATH).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void shouldReturnTheTokenOnceAtCreationInTheDocumentedFormat() {
        var response = admin().body("{\"name\":\"ci\",\"description\":\"for CI\",\"metadata\":{\"team\":\"ml\"}}")
                .when().post(PATH).then().statusCode(201)
                .header("Location", matchesPattern(".*/admin/v1/access-keys/ak_[0-9a-z]{12}"))
                .body("token", matchesPattern("ag-[0-9a-hjkmnp-tv-z]{12}-g1-[0-9A-Za-z]{40}"))
                .body("status", equalTo("active"))
                .body("version", equalTo(1))
                .body("metadata.team", equalTo("ml"))
                .body("configurationId", nullValue())
                .extract().jsonPath();
        String token = response.getString("token");
        String id = response.getString("id");
        assertEquals("ak_" + response.getString("publicId"), id);
        assertTrue(token.startsWith("ag-" + response.getString("publicId") + "-g1-"));
        String redacted = response.getString("redacted");
        assertTrue(redacted.contains("…") && !redacted.contains(token.substring(token.lastIndexOf('-') + 1)), redacted);

        String fetched = admin().when().get(PATH + "/" + id).then().statusCode(200)
                .body("name", equalTo("ci")).body("$", not(hasKey("token"))).body("$", not(hasKey("secretHash")))
                .extract().asString();
        assertFalse(fetched.contains(token.substring(token.lastIndexOf('-') + 1)));
        String listed = admin().when().get(PATH + "?limit=100").then().statusCode(200).extract().asString();
        assertFalse(listed.contains(token.substring(token.lastIndexOf('-') + 1)));
    }

    @Test
    void shouldResolveThePublicIdToTheHmacOfTheSecretForTheGateway() throws Exception {
        JsonPath created = create("{\"name\":\"gw\"}");
        String token = created.getString("token");
        String secret = token.substring(token.lastIndexOf('-') + 1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TEST_PEPPER), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));

        service().when().get("/internal/v1/access-keys/" + created.getString("publicId"))
                .then().statusCode(200)
                .body("id", equalTo(created.getString("id")))
                .body("secretHash", equalTo(expected))
                .body("status", equalTo("active"))
                .body("$", not(hasKey("token")));
        service().when().get("/internal/v1/access-keys/zzzzzzzzzzzz").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldListSnapshotWithHashesAndOutboxVersion() {
        JsonPath created = create("{\"name\":\"snap\"}");
        service().when().get("/internal/v1/access-key-snapshot").then().statusCode(200)
                .body("version", notNullValue())
                .body("generatedAt", notNullValue())
                .body("accessKeys.id", hasItem(created.getString("id")))
                .body("accessKeys.secretHash", everyItem(notNullValue()));
    }

    @Test
    void shouldRejectInvalidFieldsWithPointersAndStoreNothing() {
        int before = admin().get(PATH + "?limit=100").then().extract().jsonPath().getList("data").size();
        String longName = "n".repeat(201);
        String bigMetadata = "{\"blob\":\"" + "x".repeat(4100) + "\"}";
        admin().body("{\"name\":\"" + longName + "\",\"metadata\":" + bigMetadata
                        + ",\"configurationId\":\"nope\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}")
                .when().post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/validation-failed"))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/metadata"))
                .body("errors.pointer", hasItem("/configurationId"))
                .body("errors.pointer", hasItem("/expiresAt"));
        admin().body("{}").when().post(PATH).then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        admin().body("{\"name\":\"x\",\"metadata\":[1,2]}").when().post(PATH).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/metadata"));
        int after = admin().get(PATH + "?limit=100").then().extract().jsonPath().getList("data").size();
        assertEquals(before, after);
    }

    @Test
    void shouldAcceptMetadataOfExactly4096Bytes() {
        String prefix = "{\"blob\":\"";
        String filler = "y".repeat(4096 - prefix.length() - 2);
        create("{\"name\":\"big\",\"metadata\":" + prefix + filler + "\"}}");
    }

    @Test
    void shouldKeepAbsentFieldsAndClearNullFieldsOnPatch() {
        String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String cfg = TestCatalog.configuration();
        String id = create("{\"name\":\"p\",\"description\":\"d\",\"metadata\":{\"a\":1},"
                + "\"configurationId\":\"" + cfg + "\",\"expiresAt\":\"" + expires + "\"}").getString("id");

        admin().body("{\"name\":\"renamed\"}").when().patch(PATH + "/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("description", equalTo("d"))
                .body("metadata.a", equalTo(1)).body("configurationId", equalTo(cfg))
                .body("expiresAt", startsWith(expires.substring(0, 19)))
                .body("version", equalTo(2));

        admin().body("{\"description\":null,\"metadata\":null,\"configurationId\":null,\"expiresAt\":null}")
                .when().patch(PATH + "/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("description", nullValue()).body("metadata", nullValue())
                .body("configurationId", nullValue()).body("expiresAt", nullValue()).body("version", equalTo(3));

        admin().body("{}").when().patch(PATH + "/" + id).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void shouldRejectBadPatchesWithoutChangingAnything() {
        String id = create("{\"name\":\"keep\"}").getString("id");
        admin().body("{\"name\":null}").when().patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/name"));
        admin().body("{\"name\":\"ok\",\"description\":5}").when().patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/description"));
        admin().body("{\"status\":\"active\"}").when().patch(PATH + "/" + id).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/status"));
        admin().when().get(PATH + "/" + id).then().body("name", equalTo("keep")).body("version", equalTo(1));
    }

    @Test
    void shouldReturn404ProblemForUnknownIds() {
        admin().when().get(PATH + "/ak_000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://aigw.dev/problems/not-found"));
        admin().body("{\"name\":\"x\"}").when().patch(PATH + "/ak_000000000000").then().statusCode(404);
        admin().when().post(PATH + "/ak_000000000000/revoke").then().statusCode(404);
        admin().when().delete(PATH + "/ak_000000000000").then().statusCode(404);
    }

    @Test
    void shouldRevokeAndThenShowTheKeyAsRevokedEverywhere() {
        JsonPath created = create("{\"name\":\"to-revoke\"}");
        String id = created.getString("id");
        admin().when().post(PATH + "/" + id + "/revoke").then().statusCode(200)
                .body("status", equalTo("revoked")).body("version", equalTo(2));
        admin().when().post(PATH + "/" + id + "/revoke").then().statusCode(200).body("version", equalTo(2));
        service().when().get("/internal/v1/access-keys/" + created.getString("publicId"))
                .then().body("status", equalTo("revoked"));
        admin().when().get(PATH + "?status=revoked&limit=100").then().body("data.id", hasItem(id));
        admin().when().get(PATH + "?status=active&limit=100").then().body("data.id", not(hasItem(id)));
    }

    @Test
    void shouldDeleteAndThenAnswer404() {
        String id = create("{\"name\":\"to-delete\"}").getString("id");
        admin().when().delete(PATH + "/" + id).then().statusCode(204);
        admin().when().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldPageThroughEveryKeyOfAConfigurationWithoutDuplicates() {
        String cfg = TestCatalog.configuration();
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(create("{\"name\":\"page-" + i + "\",\"configurationId\":\"" + cfg + "\"}").getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = admin().queryParam("limit", 2).queryParam("configurationId", cfg);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.when().get(PATH).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(createdIds, seen);
        assertEquals(3, pages);
    }

    @Test
    void shouldRejectBadPaginationAndFilterParameters() {
        admin().when().get(PATH + "?limit=0").then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
        admin().when().get(PATH + "?limit=101").then().statusCode(400);
        admin().when().get(PATH + "?limit=abc").then().statusCode(400);
        admin().when().get(PATH + "?cursor=%%%").then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        admin().when().get(PATH + "?status=sleeping").then().statusCode(400).body("errors[0].parameter", equalTo("status"));
    }

    @Test
    void shouldIssueDifferentTokensEveryTime() {
        String a = create("{\"name\":\"a\"}").getString("token");
        String b = create("{\"name\":\"b\"}").getString("token");
        assertNotEquals(a, b);
    }
}
