package io.aigw.keys.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One validation problem: a JSON pointer into the body, or the name of a query parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String detail) {

    public static FieldError at(String pointer, String detail) {
        return new FieldError(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }
}
