package io.aigw.keys.admintoken;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminTokenResourceTest {

    private static final String PATH = "/admin/v1/admin-tokens";
    private static final String VERIFY = "/internal/v1/admin-tokens:verify";

    private static JsonPath issue(String name) {
        return admin().body("{\"name\":\"" + name + "\"}").post(PATH).then().statusCode(201).extract().jsonPath();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static RequestSpecification verify(String token) {
        return service().contentType(ContentType.JSON).urlEncodingEnabled(false).body("{\"token\":\"" + token + "\"}");
    }

    @Test
    void shouldIssueATokenShownOnceThatWorksOnTheAdminApi() {
        String expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonPath created = admin().body("{\"name\":\"ops\",\"expiresAt\":\"" + expires + "\"}").post(PATH).then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/admin/v1/admin-tokens/at_[0-9a-z]{12}"))
                .body("token", matchesPattern("aga-[0-9a-hjkmnp-tv-z]{12}-g1-[0-9A-Za-z]{40}"))
                .body("status", equalTo("active")).body("version", equalTo(1))
                .body("expiresAt", startsWith(expires.substring(0, 19)))
                .extract().jsonPath();
        String token = created.getString("token");
        String id = created.getString("id");
        String secret = token.substring(token.lastIndexOf('-') + 1);

        String fetched = admin().get(PATH + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("token"))).body("$", not(hasKey("secretHash"))).extract().asString();
        String listed = admin().get(PATH + "?limit=100").then().statusCode(200).extract().asString();
        assertFalse(fetched.contains(secret) || listed.contains(secret));

        as(token).get("/admin/v1/access-keys").then().statusCode(200);
        as(token).body("{\"name\":\"made-by-issued-token\"}").post("/admin/v1/access-keys").then().statusCode(201);
    }

    @Test
    void shouldStopAcceptingATokenRightAfterItIsRevoked() {
        JsonPath created = issue("short-lived");
        String token = created.getString("token");
        as(token).get("/admin/v1/provider-keys").then().statusCode(200);

        admin().post(PATH + "/" + created.getString("id") + "/revoke").then().statusCode(200)
                .body("status", equalTo("revoked")).body("version", equalTo(2));
        as(token).get("/admin/v1/provider-keys").then().statusCode(401).contentType("application/problem+json");
        verify(token).post(VERIFY).then().statusCode(200).body("valid", equalTo(false)).body("id", nullValue());
        admin().post(PATH + "/" + created.getString("id") + "/revoke").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void shouldRejectExpiredTamperedAndWrongKindTokens() {
        JsonPath created = issue("expiring");
        String token = created.getString("token");
        TestCatalog.execute("update admin_token set expires_at = now() - interval '1 second' where id = ?",
                created.getString("id"));
        as(token).get("/admin/v1/access-keys").then().statusCode(401);
        admin().get(PATH + "/" + created.getString("id")).then().body("status", equalTo("expired"));

        String other = issue("tamper").getString("token");
        char last = other.charAt(other.length() - 1);
        String tampered = other.substring(0, other.length() - 1) + (last == 'a' ? 'b' : 'a');
        as(tampered).get("/admin/v1/access-keys").then().statusCode(401);
        as("aga-" + other.substring(4).replaceFirst("^[0-9a-z]{12}", "000000000000")).get("/admin/v1/access-keys")
                .then().statusCode(401);

        String accessKey = admin().body("{\"name\":\"not-admin\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("token");
        as(accessKey).get("/admin/v1/access-keys").then().statusCode(401);
        as(TestCatalog.RUN).get("/admin/v1/access-keys").then().statusCode(401);
    }

    @Test
    void shouldVerifyForOtherServicesWithTheServiceTokenOnly() {
        String expires = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonPath created = admin().body("{\"name\":\"for-catalog\",\"expiresAt\":\"" + expires + "\"}").post(PATH)
                .then().statusCode(201).extract().jsonPath();
        String token = created.getString("token");

        verify(token).post(VERIFY).then().statusCode(200)
                .body("valid", equalTo(true)).body("id", equalTo(created.getString("id")))
                .body("expiresAt", startsWith(expires.substring(0, 19)));
        verify("not-a-token").post(VERIFY).then().statusCode(200).body("valid", equalTo(false));
        verify(io.aigw.keys.support.TestTokens.ADMIN).post(VERIFY).then().statusCode(200).body("valid", equalTo(false));
        service().contentType(ContentType.JSON).urlEncodingEnabled(false).body("{}").post(VERIFY).then()
                .statusCode(200).body("valid", equalTo(false));

        given().contentType(ContentType.JSON).urlEncodingEnabled(false).body("{\"token\":\"" + token + "\"}")
                .post(VERIFY).then().statusCode(401);
        as(token).urlEncodingEnabled(false).body("{\"token\":\"" + token + "\"}").post(VERIFY).then().statusCode(401);
        admin().urlEncodingEnabled(false).body("{\"token\":\"" + token + "\"}").post(VERIFY).then().statusCode(401);
    }

    @Test
    void shouldValidateListAndAnswer404ForUnknownIds() {
        admin().body("{}").post(PATH).then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        admin().body("{\"name\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}").post(PATH).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/expiresAt"));
        admin().body("{\"name\":\"x\",\"scope\":\"all\"}").post(PATH).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/scope"));
        admin().get(PATH + "/at_000000000000").then().statusCode(404).contentType("application/problem+json");
        admin().post(PATH + "/at_000000000000/revoke").then().statusCode(404);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(issue("page-" + i).getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).body("data", not(hasItem(hasKey("token"))))
                    .extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(ids, seen.subList(seen.size() - 3, seen.size()));
        admin().get(PATH + "?limit=0").then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void shouldNeverIssueATokenThatOutlivesTheTokenThatIssuesIt() {
        String expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonPath parent = admin().body("{\"name\":\"parent\",\"expiresAt\":\"" + expires + "\"}").post(PATH)
                .then().statusCode(201).body("createdBy", equalTo("bootstrap")).extract().jsonPath();
        String token = parent.getString("token");

        as(token).body("{\"name\":\"child\"}").post(PATH).then().statusCode(201)
                .body("expiresAt", startsWith(expires.substring(0, 19)))
                .body("createdBy", equalTo(parent.getString("id")));
        String later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as(token).body("{\"name\":\"too-long\",\"expiresAt\":\"" + later + "\"}").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/expiresAt"));
    }
}
