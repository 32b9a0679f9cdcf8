package io.aigw.e2e.simulator;

import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET …/models}: a fixed list in the provider's own shape, read once from a classpath fixture. */
final class ModelListEndpoint implements Endpoint {

    private final String body;

    ModelListEndpoint(String fixture) {
        try (InputStream in = ModelListEndpoint.class.getResourceAsStream("models/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("missing model list fixture " + fixture);
            }
            this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.responder().json(body);
    }
}
