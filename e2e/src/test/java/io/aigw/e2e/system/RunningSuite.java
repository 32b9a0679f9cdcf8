package io.aigw.e2e.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The suite that {@code deploy/local/stack up} started: its URLs, the admin and service tokens and
 * the demo access key, all taken from the environment the stack's test phase passes down.
 */
final class RunningSuite {

    static final ObjectMapper JSON = new ObjectMapper();

    final String gatewayUrl = env("AIGW_E2E_GATEWAY_URL", "http://127.0.0.1:8080");
    final String keysUrl = env("AIGW_E2E_KEYS_URL", "http://127.0.0.1:8081");
    final String configUrl = env("AIGW_E2E_CONFIG_URL", "http://127.0.0.1:8082");
    final String catalogUrl = env("AIGW_E2E_CATALOG_URL", "http://127.0.0.1:8083");
    /** The admin console: the one admin base URL ({@code /admin/v1/*} relayed to the owning services). */
    final String consoleUrl = env("AIGW_E2E_CONSOLE_URL", "http://127.0.0.1:8084");
    final String adminToken = required("AIGW_ADMIN_TOKEN");
    final String demoAccessKey = required("AIGW_E2E_ACCESS_KEY");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Every gateway replica of the suite ({@code AIGW_E2E_GATEWAY_URLS}, comma-separated). */
    List<String> gatewayUrls() {
        return Arrays.stream(env("AIGW_E2E_GATEWAY_URLS", gatewayUrl).split(","))
                .map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    HttpResponse<String> gatewayPost(String path, String accessKey, String body) {
        return gatewayPost(gatewayUrl, path, accessKey, body);
    }

    HttpResponse<String> gatewayPost(String gateway, String path, String accessKey, String body) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + accessKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> admin(String method, String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON call with a bearer token and a W3C {@code traceparent}: the services continue the caller's trace. */
    HttpResponse<String> traced(String method, String url, String bearer, String body, String traceparent) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET of a service's {@code /internal/v1/...} document with the service token. */
    JsonNode internal(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + required("AIGW_SERVICE_TOKEN")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        return json(response);
    }

    /** POST of a JSON body to a service's {@code /internal/v1/...} API with the service token. */
    JsonNode internalPost(String url, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + required("AIGW_SERVICE_TOKEN"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** A plain GET, without credentials (a management-port document). */
    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** {@code GET /q/health/ready} of one gateway replica, on its management port (503 while not ready). */
    HttpResponse<String> readiness(String gateway) {
        return get(managementUrl(gateway) + "/q/health/ready");
    }

    /**
     * The management base URL of a process of the local stack: its public port + 1000, or + 2000 where that would
     * land on Kafka (9092) or the simulator (9100), as {@code deploy/local/lib/services.sh} assigns them.
     */
    static String managementUrl(String publicUrl) {
        URI uri = URI.create(publicUrl);
        int port = uri.getPort() + 1000;
        if (port == 9092 || port == 9100) {
            port += 1000;
        }
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SuiteUnreachable("the running suite did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run these tests through 'deploy/local/stack test'");
        }
        return value;
    }

    /** A call that got no answer at all (connection refused or reset): a component is down. */
    static final class SuiteUnreachable extends AssertionError {
        SuiteUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
