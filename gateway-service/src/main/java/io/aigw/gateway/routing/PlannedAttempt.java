package io.aigw.gateway.routing;

/**
 * One planned upstream attempt: a model with one provider key ({@code key} null for a provider that
 * needs none) and the price it is charged at. {@code candidate} numbers the models, so "next model" skips
 * to the next number.
 */
public record PlannedAttempt(ModelAddress address, ProviderKeyRef key, int candidate, ModelPrice price) {
}
