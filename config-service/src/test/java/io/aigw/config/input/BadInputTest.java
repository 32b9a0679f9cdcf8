package io.aigw.config.input;

import static io.aigw.config.support.Admin.ADMIN_TOKEN;
import static io.aigw.config.support.Admin.admin;
import static io.aigw.kit.testing.BadInput.assertParameterProblem;
import static io.aigw.kit.testing.BadInput.assertPointerProblem;
import static io.aigw.kit.testing.BadInput.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.kit.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input on config-service's admin endpoints: a 400 problem naming the field, never a 5xx, nothing stored. */
@QuarkusTest
class BadInputTest {

    private static RawHttp.Answer raw(String method, String target, String body) {
        return RawHttp.send(method, target, ADMIN_TOKEN, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static void noneNamed(String name) {
        admin().queryParam("name", name).when().get("/admin/v1/configurations").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    void shouldAnswer400NamingThePathOrParameterForANulOrBadUtf8() {
        assertParameterProblem(raw("GET", "/admin/v1/configurations/%00", null), "path");
        assertParameterProblem(raw("DELETE", "/admin/v1/configurations/cfg_%00", null), "path");
        assertParameterProblem(raw("PATCH", "/admin/v1/configurations/%C0%AF", "{}"), "path");
        assertParameterProblem(raw("GET", "/admin/v1/configurations?name=%00", null), "name");
        assertParameterProblem(raw("GET", "/admin/v1/configurations?cursor=%00", null), "cursor");
    }

    @Test
    void shouldAnswer400ForBadLimitOrCursor() {
        assertParameterProblem(raw("GET", "/admin/v1/configurations?limit=abc", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/configurations?limit=1.5", null), "limit");
        assertParameterProblem(raw("GET", "/admin/v1/configurations?cursor=garbage!", null), "cursor");
    }

    @Test
    void shouldAnswer400NamingTheFieldForNulOrLoneSurrogateInJsonAndStoreNothing() {
        String name = "nul-" + UUID.randomUUID();
        assertPointerProblem(raw("POST", "/admin/v1/configurations", "{\"name\":\"" + name + "\\u0000\"}"), "/name");
        assertPointerProblem(raw("POST", "/admin/v1/configurations",
                "{\"name\":\"" + name + "\",\"description\":\"\\ud800\"}"), "/description");
        assertPointerProblem(raw("PATCH", "/admin/v1/gateway-settings", "{\"x\\u0000\":1}"), "/x\u0000");
        noneNamed(name);
    }

    @Test
    void shouldAnswer400ForTrailingContentDuplicateKeysAndInvalidUtf8() {
        String name = "typ-" + UUID.randomUUID();
        assertProblem(raw("POST", "/admin/v1/configurations", "{\"name\":\"" + name + "\"}}"), 400);
        assertProblem(raw("POST", "/admin/v1/configurations", "{\"name\":\"" + name + "\",\"name\":\"b\"}"), 400);
        byte[] start = ("{\"name\":\"" + name).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + 4];
        System.arraycopy(start, 0, body, 0, start.length);
        body[start.length] = (byte) 0xC0;
        body[start.length + 1] = (byte) 0xAF;
        body[start.length + 2] = '"';
        body[start.length + 3] = '}';
        assertProblem(RawHttp.send("POST", "/admin/v1/configurations", ADMIN_TOKEN, body), 400);
        noneNamed(name);
    }
}
