package io.aigw.catalog.input;

import static io.aigw.catalog.Admin.ADMIN_TOKEN;
import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static io.aigw.kit.testing.BadInput.assertParameterProblem;
import static io.aigw.kit.testing.BadInput.assertPointerProblem;
import static io.aigw.kit.testing.BadInput.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.kit.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input on every catalog endpoint: a 400 problem naming the field, never a 5xx, nothing stored changed. */
@QuarkusTest
class BadInputTest {

    private static RawHttp.Answer raw(String method, String target, String body) {
        return RawHttp.send(method, target, ADMIN_TOKEN, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswer400NamingThePathForANulOrControlCharacterOrBadUtf8InAPathId() {
        assertParameterProblem(raw("GET", "/admin/v1/providers/%00", null), "path");
        assertParameterProblem(raw("DELETE", "/admin/v1/providers/a%01b", null), "path");
        assertParameterProblem(raw("GET", "/admin/v1/models/openai/%C0%AF", null), "path");
        assertParameterProblem(raw("PATCH", "/admin/v1/providers/%00", "{}"), "path");
    }

    @Test
    void shouldAnswer400NamingTheParameterForANulInAQueryParameter() {
        assertParameterProblem(raw("GET", "/admin/v1/models?q=%00", null), "q");
        assertParameterProblem(raw("GET", "/admin/v1/models?provider=a%00", null), "provider");
        assertParameterProblem(raw("GET", "/admin/v1/providers?cursor=%00", null), "cursor");
        assertParameterProblem(raw("GET", "/admin/v1/models?cursor=%FF", null), "cursor");
    }

    @Test
    void shouldAnswer400ForBadLimitCursorOrEnumFilter() {
        assertParameterProblem(raw("GET", "/admin/v1/providers?limit=abc", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/models?limit=1.5", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/models?limit=0", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/providers?cursor=garbage!", null), "cursor");
        assertParameterProblem(raw("GET", "/admin/v1/models?surface=nope/none", null), "surface");
        assertParameterProblem(raw("GET", "/admin/v1/models?status=gone", null), "status");
    }

    @Test
    void shouldRefuseDotSegmentsInPathsAndModelIdsSoNoUrlAddressesAnotherResource() {
        String provider = newProvider();
        assertParameterProblem(raw("DELETE", "/admin/v1/models/" + provider + "/x/../openai/gpt-4o", null), "path");
        assertParameterProblem(raw("DELETE", "/admin/v1/models/" + provider + "/x/%2e%2e/openai/gpt-4o", null), "path");
        admin().when().get("/admin/v1/models/openai/gpt-4o").then().statusCode(200);
        for (String id : new String[] {"x/../../../providers/P", "a/./b", "..", "a/.."}) {
            admin().body(Map.of("providerId", provider, "modelId", id)).when().post("/admin/v1/models")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/modelId"));
        }
        String document = "{\"data\":[{\"id\":\"ok/model\",\"name\":\"OK\"},{\"id\":\"a/../b\",\"name\":\"Bad\"}]}";
        admin().body(document).when().post("/admin/v1/providers/" + provider + "/models:import").then().statusCode(400);
        admin().when().get("/admin/v1/models?provider=" + provider).then().statusCode(200)
                .body("data.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void shouldAnswer400NamingTheFieldForNulOrLoneSurrogateInAJsonStringAndStoreNothing() {
        String id = uniqueId("nul");
        assertPointerProblem(raw("POST", "/admin/v1/providers",
                "{\"id\":\"" + id + "\",\"baseUrl\":\"https://n.example.com/v1\",\"displayName\":\"a\\u0000b\"}"),
                "/displayName");
        assertPointerProblem(raw("POST", "/admin/v1/providers",
                "{\"id\":\"" + id + "\",\"baseUrl\":\"https://n.example.com/v1\",\"displayName\":\"a\\ud800b\"}"),
                "/displayName");
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswer400ForInvalidUtf8WrongTypesAndTrailingContent() {
        String id = uniqueId("typ");
        byte[] overlong = ("{\"id\":\"" + id + "\",\"baseUrl\":\"https://o.example.com/v1\",\"displayName\":\"a")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[overlong.length + 4];
        System.arraycopy(overlong, 0, body, 0, overlong.length);
        body[overlong.length] = (byte) 0xC0;
        body[overlong.length + 1] = (byte) 0xAF;
        body[overlong.length + 2] = '"';
        body[overlong.length + 3] = '}';
        assertProblem(RawHttp.send("POST", "/admin/v1/providers", ADMIN_TOKEN, body), 400);
        assertPointerProblem(raw("POST", "/admin/v1/providers", "{\"id\":true,\"baseUrl\":\"https://t.example.com/v1\"}"),
                "/id");
        assertProblem(raw("POST", "/admin/v1/providers", "{\"id\":\"" + id + "\",\"baseUrl\":\"https://t.example.com/v1\"}}"),
                400);
        assertProblem(raw("POST", "/admin/v1/providers",
                "{\"id\":\"" + id + "\",\"id\":\"" + id + "x\",\"baseUrl\":\"https://t.example.com/v1\"}"), 400);
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(404);
        admin().when().get("/admin/v1/providers/true").then().statusCode(404);
    }

    private static String newProvider() {
        String id = uniqueId("bad");
        admin().body(Map.of("id", id, "baseUrl", "https://" + id + ".example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        assertEquals(id, admin().when().get("/admin/v1/providers/" + id).then().statusCode(200).extract().path("id"));
        return id;
    }
}
