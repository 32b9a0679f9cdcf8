package io.aigw.config;

import io.aigw.kit.testing.AdminServiceSmokeTest;
import io.quarkus.test.junit.QuarkusTest;

/** The admin services' common start-up checks ({@link AdminServiceSmokeTest}) against config-service. */
@QuarkusTest
class ServiceSmokeTest extends AdminServiceSmokeTest {

    @Override
    protected String expectedSchemaVersion() {
        return "8";
    }
}
