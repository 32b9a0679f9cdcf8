package io.aigw.e2e.simulator.exchange;

/** Produces the successful answer of one provider surface; the request has passed every check by then. */
@FunctionalInterface
public interface Endpoint {

    void handle(Exchange exchange);
}
