package io.aigw.catalog.error;

/** One invalid field of a request, as a JSON pointer into the request body. */
public record FieldError(String pointer, String detail) {
}
