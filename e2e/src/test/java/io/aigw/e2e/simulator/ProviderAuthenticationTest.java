package io.aigw.e2e.simulator;

import static io.restassured.RestAssured.given;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProviderAuthenticationTest {

    private static ProviderSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start(SimulatorOptions.defaults().withKeys("sk-good-key-0001", "sk-good-key-0002"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void shouldRejectWrongOpenAiKeyEchoingItPartlyMasked() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sk-abcdefghijklmnopxyz")
                .contentType("application/json").body(chat("gpt-4o", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(401)
                .body("error.message", startsWith("Incorrect API key provided: sk-ab***yz."))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", nullValue())
                .body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void shouldRejectMissingOpenAiKey() {
        given().baseUri(simulator.baseUrl()).contentType("application/json").body(chat("gpt-4o", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(401)
                .body("error.message", startsWith("You didn't provide an API key."))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void shouldAcceptEveryConfiguredKey() {
        for (String key : new String[] {"sk-good-key-0001", "sk-good-key-0002"}) {
            given().baseUri(simulator.baseUrl()).header("authorization", "Bearer " + key)
                    .contentType("application/json").body(chat("gpt-4o", ""))
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200);
        }
    }

    @Test
    void shouldRejectWrongAnthropicKeyWithAuthenticationError() {
        given().baseUri(simulator.baseUrl()).header("x-api-key", "sk-ant-wrong").header("anthropic-version", "2023-06-01")
                .contentType("application/json").body(SimulatorClient.anthropicMessage("claude-sonnet-4-5", ""))
                .when().post("/v1/messages")
                .then().statusCode(401)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("authentication_error"))
                .body("error.message", equalTo("invalid x-api-key"));
    }

    @Test
    void shouldRejectAnthropicRequestCarryingOnlyABearerToken() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sk-good-key-0001")
                .header("anthropic-version", "2023-06-01").contentType("application/json")
                .body(SimulatorClient.anthropicMessage("claude-sonnet-4-5", ""))
                .when().post("/v1/messages")
                .then().statusCode(401)
                .body("error.type", equalTo("authentication_error"))
                .body("error.message", equalTo("x-api-key header is required"));
    }

    @Test
    void shouldAcceptAnyKeyWhenNoKeysAreConfigured() {
        try (ProviderSimulator open = ProviderSimulator.start(SimulatorOptions.defaults().withKeys())) {
            given().baseUri(open.baseUrl()).header("authorization", "Bearer whatever").contentType("application/json")
                    .body(chat("gpt-4o", ""))
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200);
            given().baseUri(open.baseUrl()).contentType("application/json").body(chat("gpt-4o", ""))
                    .when().post("/v1/chat/completions")
                    .then().statusCode(401);
        }
    }
}
