package io.aigw.kit.problem;

import java.util.List;

/**
 * A failure the API reports as problem+json. The detail is shown to callers: never put a secret, a token or a
 * provider-key value in it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", "Validation failed",
                errors.size() == 1 ? errors.get(0).detail() : "The request is not valid; see errors.",
                List.copyOf(errors));
    }

    public static ProblemException validation(FieldError error) {
        return validation(List.of(error));
    }

    /** A 400 naming one field of the body by its JSON pointer. */
    public static ProblemException validation(String pointer, String detail) {
        return validation(FieldError.at(pointer, detail));
    }

    /** A 400 naming one query parameter, header or path part. */
    public static ProblemException parameter(String name, String detail) {
        return validation(FieldError.parameter(name, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException conflict(String detail, FieldError error) {
        return new ProblemException(409, "conflict", "Conflict", detail, error == null ? null : List.of(error));
    }

    /** A 409 naming the field (JSON pointer) that collides. */
    public static ProblemException conflictAt(String pointer, String detail) {
        return conflict(detail, pointer == null ? null : FieldError.at(pointer, detail));
    }

    public static ProblemException stillReferenced(String detail) {
        return new ProblemException(409, "still-referenced", "Still referenced", detail, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public static ProblemException malformedJson(String detail) {
        return new ProblemException(400, "malformed-json", "Malformed JSON", detail, null);
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "A valid bearer token is required.", null);
    }

    /** 503: a dependency (the database, another service) cannot answer now; the client may retry. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null);
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

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, errors);
    }
}
