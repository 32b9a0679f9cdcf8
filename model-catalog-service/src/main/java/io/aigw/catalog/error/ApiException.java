package io.aigw.catalog.error;

import java.util.List;

/** A failure that the admin API answers as a problem document. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(400, "validation-failed", "Validation failed",
                errors.size() == 1 ? errors.get(0).detail() : "The request has invalid fields", errors);
    }

    public static ApiException validation(String pointer, String detail) {
        return validation(List.of(new FieldError(pointer, detail)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null);
    }

    public static ApiException conflict(String pointer, String detail) {
        return new ApiException(409, "conflict", "Conflict", detail,
                pointer == null ? null : List.of(new FieldError(pointer, detail)));
    }

    public static ApiException stillReferenced(String detail) {
        return new ApiException(409, "still-referenced", "Still referenced", detail, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
