package io.aigw.config.error;

import java.util.List;

/** A failure that the mapper turns into a problem+json answer. */
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
                errors.size() == 1 ? errors.get(0).detail() : errors.size() + " fields are invalid", List.copyOf(errors));
    }

    public static ProblemException validation(FieldError error) {
        return validation(List.of(error));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String detail, FieldError error) {
        return new ProblemException(409, "conflict", "Conflict", detail, error == null ? null : List.of(error));
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

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        Problem problem = Problem.of(status, slug, title, getMessage(), instance);
        return errors == null ? problem : problem.withErrors(errors);
    }
}
