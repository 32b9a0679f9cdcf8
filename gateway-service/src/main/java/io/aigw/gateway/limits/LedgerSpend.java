package io.aigw.gateway.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.snapshot.InternalApiClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The spend key-service's usage ledger holds for budget counters' periods (`POST /internal/v1/usage/spend:query`,
 * one call for many counters): the truth a missing or drifted Redis counter is rebuilt from.
 */
@Singleton
public class LedgerSpend {

    static final String PATH = "/internal/v1/usage/spend:query";

    private final InternalApiClient client;
    private final String keysUrl;
    private final ObjectMapper mapper;

    private final Vertx vertx;

    public LedgerSpend(InternalApiClient client, GatewayConfig config, ObjectMapper mapper, Vertx vertx) {
        this.vertx = vertx;
        this.client = client;
        this.keysUrl = config.keysUrl();
        this.mapper = mapper;
    }

    /**
     * The ledger's spend of each counter's owner over its period, in nano-USD, in the order asked. The call runs on a
     * Vert.x context whichever thread asks (from any other thread the answer's body could be read too late).
     */
    public Future<List<Long>> spend(List<BudgetCounter> counters) {
        Promise<List<Long>> answer = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> query(counters).onComplete(answer));
        return answer.future();
    }

    private Future<List<Long>> query(List<BudgetCounter> counters) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode queries = body.putArray("queries");
        for (BudgetCounter c : counters) {
            queries.addObject().put("scope", c.scope()).put("id", c.ownerId()).put("from", c.period().from().toString())
                    .put("to", c.period().to().toString());
        }
        return client.post(keysUrl, PATH, Buffer.buffer(body.toString())).compose(answer -> {
            if (answer.status() != 200) {
                return Future.failedFuture(new IOException("key-service answered HTTP " + answer.status()));
            }
            try {
                JsonNode spend = mapper.readTree(answer.body().getBytes()).path("spend");
                List<Long> nanos = new ArrayList<>(counters.size());
                for (int i = 0; i < counters.size(); i++) {
                    JsonNode cost = spend.path(i).path("costUsd");
                    if (!cost.isNumber()) {
                        return Future.failedFuture(new IOException("the ledger's answer lacks spend " + i + " of "
                                + counters.size() + ": " + answer.body().toString().substring(0,
                                        Math.min(200, answer.body().length()))));
                    }
                    nanos.add(Nanos.of(new BigDecimal(cost.asText())));
                }
                return Future.succeededFuture(nanos);
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        });
    }
}
