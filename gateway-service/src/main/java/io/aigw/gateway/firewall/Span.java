package io.aigw.gateway.firewall;

/** A match in a text: {@code [start, end)} and its placeholder type ({@code EMAIL}, {@code SECRET}, {@code MATCH}). */
public record Span(int start, int end, String type) {
}
