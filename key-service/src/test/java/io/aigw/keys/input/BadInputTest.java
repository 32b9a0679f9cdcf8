package io.aigw.keys.input;

import static io.aigw.keys.support.TestTokens.ADMIN;
import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.kit.testing.BadInput.assertParameterProblem;
import static io.aigw.kit.testing.BadInput.assertPointerProblem;
import static io.aigw.kit.testing.BadInput.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.keys.support.TestCatalog;
import io.aigw.kit.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input on key-service's admin endpoints: a 400 problem naming the field, never a 5xx, nothing stored. */
@QuarkusTest
class BadInputTest {

    private static RawHttp.Answer raw(String method, String target, String body) {
        return RawHttp.send(method, target, ADMIN, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static int keysNamed(String name) {
        return admin().when().get("/admin/v1/access-keys?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("data.findAll { it.name == '" + name + "' }").size();
    }

    @Test
    void shouldAnswer400NamingThePathForANulInAPathId() {
        assertParameterProblem(raw("GET", "/admin/v1/access-keys/%00", null), "path");
        assertParameterProblem(raw("DELETE", "/admin/v1/access-keys/%00", null), "path");
        assertParameterProblem(raw("GET", "/admin/v1/provider-keys/pk_%00", null), "path");
        assertParameterProblem(raw("POST", "/admin/v1/admin-tokens/%00/revoke", null), "path");
        assertParameterProblem(raw("GET", "/admin/v1/access-keys/%C0%AF", null), "path");
    }

    @Test
    void shouldAnswer400NamingTheParameterForNulBadLimitOrUnknownStatus() {
        assertParameterProblem(raw("GET", "/admin/v1/access-keys?configurationId=%00", null), "configurationId");
        assertParameterProblem(raw("GET", "/admin/v1/access-keys?cursor=%00", null), "cursor");
        assertParameterProblem(raw("GET", "/admin/v1/provider-keys?providerId=x%00", null), "providerId");
        assertParameterProblem(raw("GET", "/admin/v1/access-keys?limit=abc", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/provider-keys?limit=1.5", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/admin-tokens?cursor=garbage!", null), "cursor");
        assertParameterProblem(raw("GET", "/admin/v1/access-keys?status=zombie", null), "status");
    }

    @Test
    void shouldAnswer400NamingTheFieldForNulOrLoneSurrogateInJsonAndStoreNothing() {
        String name = "nul-" + UUID.randomUUID();
        assertPointerProblem(raw("POST", "/admin/v1/access-keys", "{\"name\":\"" + name + "\\u0000\"}"), "/name");
        assertPointerProblem(raw("POST", "/admin/v1/access-keys",
                "{\"name\":\"" + name + "\",\"description\":\"x\\udc00\"}"), "/description");
        assertPointerProblem(raw("POST", "/admin/v1/access-keys",
                "{\"name\":\"" + name + "\",\"metadata\":{\"k\":\"\\u0000\"}}"), "/metadata/k");
        assertEquals(0, keysNamed(name));
    }

    @Test
    void shouldAnswer400ForWrongTypesTrailingContentAndInvalidUtf8() {
        String name = "typ-" + UUID.randomUUID();
        assertPointerProblem(raw("POST", "/admin/v1/provider-keys", "{\"providerId\":\""
                + TestCatalog.provider("openai") + "\",\"name\":\"" + name + "\",\"value\":123}"), "/value");
        assertPointerProblem(raw("POST", "/admin/v1/access-keys", "{\"name\":true}"), "/name");
        assertProblem(raw("POST", "/admin/v1/access-keys", "{\"name\":\"" + name + "\"}}"), 400);
        assertProblem(raw("POST", "/admin/v1/access-keys", "{\"name\":\"" + name + "\",\"name\":\"b\"}"), 400);
        byte[] start = ("{\"name\":\"" + name).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + 4];
        System.arraycopy(start, 0, body, 0, start.length);
        body[start.length] = (byte) 0xC0;
        body[start.length + 1] = (byte) 0xAF;
        body[start.length + 2] = '"';
        body[start.length + 3] = '}';
        assertProblem(RawHttp.send("POST", "/admin/v1/access-keys", ADMIN, body), 400);
        assertEquals(0, keysNamed(name));
    }
}
