package io.aigw.kit.testing;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the same request {@code n} times at once and collects the statuses; a request not answered within the
 * deadline counts as status 0 (a hang). Shared by the services' concurrency tests (service-kit test-jar).
 */
public final class Concurrently {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Concurrently() {
    }

    public static List<Integer> send(int n, String method, String path, String token, String json, Duration deadline) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                    .timeout(deadline).header("Authorization", "Bearer " + token);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            answers.add(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(failure -> 0));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            try {
                statuses.add(answer.get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                statuses.add(0);
            }
        }
        return statuses;
    }

    public static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }
}
