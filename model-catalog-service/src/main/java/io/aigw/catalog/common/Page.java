package io.aigw.catalog.common;

import java.util.List;

/** A page of a list answer: {@code {"data":[…],"nextCursor":"…"|null}}. */
public record Page<T>(List<T> data, String nextCursor) {
}
