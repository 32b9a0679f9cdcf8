package io.aigw.config.reference;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The catalog asks here, before deleting a virtual model, which configurations' access scope names it. */
@QuarkusTest
class VirtualModelReferrersTest {

    private final TestCatalog catalog;

    VirtualModelReferrersTest(TestCatalog catalog) {
        this.catalog = catalog;
    }

    @Test
    void shouldNameTheConfigurationsWhoseScopeNamesAVirtualModelInAnyCase() {
        String virtual = TestCatalog.uniqueId("Scoped-VM");
        catalog.virtualModel(virtual, 1, "openai:gpt-4o");
        String id = admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("names"), virtual)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        String other = admin().body("{\"name\":\"" + TestCatalog.uniqueId("open") + "\"}").post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        service().get("/internal/v1/virtual-model-referrers?name=" + virtual.toUpperCase()).then().statusCode(200)
                .body("data", hasItem(id)).body("data", not(hasItem(other)));
        service().get("/internal/v1/virtual-model-referrers?name=nobody-names-this").then().statusCode(200)
                .body("data.size()", equalTo(0));
        service().get("/internal/v1/virtual-model-referrers").then().statusCode(400);
        admin().get("/internal/v1/virtual-model-referrers?name=" + virtual).then().statusCode(401);
        admin().delete("/admin/v1/configurations/" + id).then().statusCode(204);
        service().get("/internal/v1/virtual-model-referrers?name=" + virtual).then().statusCode(200)
                .body("data", not(hasItem(id)));
    }
}
