package io.aigw.gateway.firewall;

import static io.restassured.RestAssured.given;

import io.aigw.gateway.support.SimulatorClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** What the firewall's proxy tests send, and the judge calls the simulator saw. */
final class FirewallRequests {

    private FirewallRequests() {
    }

    /** An OpenAI-style request (bearer key, JSON). */
    static RequestSpecification openAi(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    /** An Anthropic-style request ({@code x-api-key}, version header, JSON). */
    static RequestSpecification anthropic(String key) {
        return given().header("x-api-key", key).header("anthropic-version", "2023-06-01").contentType(ContentType.JSON);
    }

    /** The judge calls to the simulator model scripted {@code script} whose body holds {@code text}. */
    static List<SimulatorClient.Recorded> judgeCalls(String script, String text) {
        return SimulatorClient.received("/v1/chat/completions").stream()
                .filter(r -> r.body().contains("gpt-4o-mini@" + script) && r.body().contains(text)).toList();
    }
}
