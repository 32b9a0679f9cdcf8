package io.aigw.keys.error;

import java.util.List;

/**
 * A failure the API reports as problem+json. The detail is shown to callers: never put a secret,
 * a token or a provider-key value in it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException stillReferenced(String detail) {
        return new ProblemException(409, "still-referenced", "Still referenced", detail, null);
    }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", "Validation failed",
                "The request is not valid; see errors.", List.copyOf(errors));
    }

    public static ProblemException validation(FieldError error) {
        return validation(List.of(error));
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required.", null);
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
