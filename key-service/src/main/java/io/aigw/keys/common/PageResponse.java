package io.aigw.keys.common;

import java.util.List;

/** A page of a list: {@code {"data":[…],"nextCursor":"…"|null}}. */
public record PageResponse<T>(List<T> data, String nextCursor) {
}
