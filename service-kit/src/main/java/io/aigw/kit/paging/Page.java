package io.aigw.kit.paging;

import java.util.List;

/** One page of a list: {@code {"data":[…],"nextCursor":"…"|null}}. */
public record Page<T>(List<T> data, String nextCursor) {
}
