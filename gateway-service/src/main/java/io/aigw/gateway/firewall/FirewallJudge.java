package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Asks a {@code decision} rule's model whether its risk statement applies to a text: a non-streamed chat completion
 * sent to this gateway's own {@code /v1/chat/completions} under the requesting key (so the judge model is routed,
 * failed over, limited and metered like any call of that key), with a strict verdict format ({@link JudgeVerdict}),
 * a timeout, and a per-replica cache of verdicts. The judge's own request carries a per-process token in
 * {@link #HEADER}, which turns the firewall off for it (no judge of the judge); the header is never forwarded.
 */
@Singleton
public class FirewallJudge {

    public static final String HEADER = "X-AIGW-Firewall-Judge";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final VerdictCache cache;
    private final FirewallConfig config;
    private final String token;

    public FirewallJudge(Vertx vertx, FirewallConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) config.judgeTimeout().toMillis()), new PoolOptions().setHttp1MaxSize(32));
        this.cache = new VerdictCache(config.verdictCacheSize(), config.verdictCacheTtl().toMillis());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    /** Whether {@code request} is one of this replica's judge calls. */
    public boolean isJudgeCall(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && java.security.MessageDigest.isEqual(given.getBytes(), token.getBytes());
    }

    int maxJudgedChars() {
        return config.maxJudgedChars();
    }

    /** True when the statement applies to {@code text}; a failed future when the judge failed (timeout, error, format). */
    Future<Boolean> judge(JudgeRoute route, String model, String statement, String text) {
        String key = VerdictCache.key(model, statement, text);
        Boolean cached = cache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", 8).put("temperature", 0)
                .put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", JudgeVerdict.SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", JudgeVerdict.userPrompt(statement, text));
        RequestOptions options = new RequestOptions().setHost(route.host()).setPort(route.port())
                .setURI("/v1/chat/completions").setMethod(HttpMethod.POST).setTimeout(config.judgeTimeout().toMillis())
                .putHeader("content-type", "application/json").putHeader("accept", "application/json")
                .putHeader(route.credentialHeader(), route.credential()).putHeader(HEADER, token);
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(body.toString())))
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the judge model answered " + response.statusCode());
                    }
                    String content;
                    try {
                        content = JSON.readTree(answer.getBytes()).path("choices").path(0).path("message").path("content")
                                .asText(null);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("the judge's answer is not JSON");
                    }
                    boolean match = JudgeVerdict.parse(content);
                    cache.put(key, match);
                    return match;
                }));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
