package io.aigw.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending input: a JSON pointer into the body, or the name of a query parameter, header or path part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String detail) {

    public static FieldError at(String pointer, String detail) {
        return new FieldError(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }
}
