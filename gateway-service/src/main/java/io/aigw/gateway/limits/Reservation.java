package io.aigw.gateway.limits;

import io.aigw.gateway.routing.ModelPrice;

/** Budget held in Redis for one attempt: its member in the reservation sets, nano-USD, and the price it was sized at. */
record Reservation(String member, long nanos, ModelPrice price) {
}
