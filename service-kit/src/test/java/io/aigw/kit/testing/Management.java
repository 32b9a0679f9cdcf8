package io.aigw.kit.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to a service's management interface (health, metrics, OpenAPI), which listens on a port of its own: in
 * tests a free one, that Quarkus publishes as {@code quarkus.management.test-port} once it is bound.
 */
public final class Management {

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
