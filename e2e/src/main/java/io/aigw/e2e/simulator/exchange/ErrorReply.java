package io.aigw.e2e.simulator.exchange;

/** An error answer already rendered in one provider's shape. */
public record ErrorReply(int status, String body) {
}
