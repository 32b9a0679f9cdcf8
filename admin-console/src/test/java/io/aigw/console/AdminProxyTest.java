package io.aigw.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.console.proxy.AdminRoute;
import io.aigw.console.proxy.AdminRoutes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeOwners.class)
class AdminProxyTest {

    private static final String BEARER = "Bearer " + FakeOwners.TOKEN;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldRelayEveryRouteOfTheTableToItsOwner() {
        for (AdminRoute route : AdminRoutes.TABLE) {
            given().header("Authorization", BEARER).queryParam("limit", 5)
                    .when().get(route.prefix() + "/some_1")
                    .then().statusCode(200)
                    .body("owner", equalTo(route.owner()))
                    .body("path", equalTo(route.upstreamPrefix() + "/some_1"))
                    .body("query", equalTo("limit=5"));
        }
    }

    @Test
    void shouldRelayCustomMethodsAndTheirBodiesUntouched() {
        String body = "{\"name\":\"ünïcode\",  \"router\" : {\"rules\":[]}, \"pad\":\"" + "x".repeat(200_000) + "\"}";
        given().header("Authorization", BEARER).contentType("application/json").body(body)
                .when().post("/admin/v1/configurations:validate")
                .then().statusCode(201)
                .body("owner", equalTo("config"))
                .body("path", equalTo("/admin/v1/configurations:validate"))
                .body("body", equalTo(body));
    }

    @Test
    void shouldPassProblemsThroughByteForByte() {
        Response response = given().header("Authorization", BEARER)
                .when().delete("/admin/v1/provider-keys/pk_1/conflict");
        assertEquals(409, response.statusCode());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(FakeOwners.CONFLICT, response.asString());
    }

    @Test
    void shouldForwardIfMatchAndReturnETagAndLocation() {
        given().header("Authorization", BEARER).header("If-Match", "\"6\"").contentType("application/merge-patch+json")
                .body("{\"name\":\"b\"}")
                .when().patch("/admin/v1/configurations/cfg_1")
                .then().statusCode(200)
                .header("ETag", "\"7\"")
                .body("headers.if-match", equalTo("\"6\""))
                .body("headers.content-type", startsWith("application/merge-patch+json"))
                .body("headers.authorization", equalTo(BEARER));
        given().header("Authorization", BEARER).contentType("application/json").body("{}")
                .when().post("/admin/v1/access-keys")
                .then().statusCode(201)
                .header("Location", "/admin/v1/access-keys/new_1");
    }

    @Test
    void shouldRelayTheCallersTraceContextAsSentWhileTheConsoleDoesNotTrace() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("Authorization", BEARER).header("traceparent", traceparent).header("tracestate", "vendor=1")
                .when().get("/admin/v1/configurations")
                .then().statusCode(200)
                .body("headers.traceparent", equalTo(traceparent))
                .body("headers.tracestate", equalTo("vendor=1"));
    }

    @Test
    void shouldNotForwardCookiesOrOtherCredentials() {
        given().header("Authorization", BEARER).header("Cookie", "session=abc").header("X-Api-Key", "k")
                .header("Proxy-Authorization", "Basic eDp5")
                .when().get("/admin/v1/models")
                .then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .body("headers.cookie", nullValue())
                .body("headers.x-api-key", nullValue())
                .body("headers.proxy-authorization", nullValue());
    }

    @Test
    void shouldRefuseRequestsWithoutABearerTokenBeforeReachingAnOwner() {
        int before = FakeOwners.HITS.get();
        unauthorized(given().when().get("/admin/v1/access-keys"));
        unauthorized(given().header("Authorization", "Basic YWRtaW46c2VjcmV0").when().get("/admin/v1/access-keys"));
        unauthorized(given().header("Cookie", "token=" + FakeOwners.TOKEN).when().get("/admin/v1/access-keys"));
        unauthorized(given().queryParam("access_token", FakeOwners.TOKEN).when().get("/admin/v1/access-keys"));
        unauthorized(given().header("Authorization", BEARER).queryParam("api_key", "x").when().get("/admin/v1/models"));
        assertEquals(before, FakeOwners.HITS.get());
    }

    @Test
    void shouldPassTheOwnersAnswerToAWrongToken() {
        given().header("Authorization", "Bearer wrong-token")
                .when().get("/admin/v1/providers")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnknownAdminPathsWithAProblem404() {
        for (String path : new String[] {"/admin/v1/nothing-here", "/admin/v2/access-keys", "/admin",
                "/admin/v1/access-keysx", "/admin/v1/services/gateway/outbox/dead-letters"}) {
            given().header("Authorization", BEARER)
                    .when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://aigw.dev/problems/not-found"))
                    .body("status", equalTo(404));
        }
    }

    @Test
    void shouldRouteOnTheNormalisedPathItForwards() throws Exception {
        // java.net.http sends the path as written (REST Assured would tidy it first)
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + "/admin/v1//providers/../access-keys%3Aany"))
                .header("Authorization", BEARER).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"owner\":\"key\""), response.body());
        assertTrue(response.body().contains("\"path\":\"/admin/v1/access-keys:any\""), response.body());
    }

    private static void unauthorized(Response response) {
        response.then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("This endpoint needs a valid admin token in the Authorization header (Bearer)."));
    }
}
