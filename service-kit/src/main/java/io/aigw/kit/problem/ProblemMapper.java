package io.aigw.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}, each failure class mapped once:
 * validation 400 with JSON pointers, unique violation 409, a lost race 409, unstorable text 400, the database
 * unreachable 503 with {@code Retry-After}, anything else a 500 with neither class name nor detail. A service adds
 * mappers only for its own exception types.
 */
public class ProblemMapper {

    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(path(uri)));
        if (e.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(fromJson(e), uri);
    }

    /** Overrides Quarkus' built-in Jackson mappers, which answer a non-problem body. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response format(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return problem(ProblemException.conflict("The resource was changed concurrently; retry."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String reason = info == null ? "Error" : info.getReasonPhrase();
        String slug = switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = status == 404 ? "No such resource." : reason + ".";
        return problem(new ProblemException(status, slug, reason, detail, null), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange((RuntimeException) cause, uri);
            }
        }
        ProblemException known = DatabaseFailures.classify(e).map(kind -> fromDatabase(kind, e)).orElse(null);
        if (known != null) {
            if (known.status() == 503) {
                Log.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
            }
            return problem(known, uri);
        }
        return internal(e, uri);
    }

    static ProblemException fromDatabase(DatabaseFailures.Kind kind, Throwable e) {
        return switch (kind) {
            case UNIQUE_VIOLATION -> DatabaseFailures.uniqueField(e)
                    .map(field -> ProblemException.conflictAt("/" + field, "A resource with this " + field
                            + " already exists."))
                    .orElseGet(() -> ProblemException.conflict("A resource with this id or name already exists."));
            case SERIALIZATION -> ProblemException.conflict("The resource was changed concurrently; retry.");
            case UNSTORABLE_TEXT -> ProblemException.validation(FieldError.at("",
                    "Contains text that cannot be stored (NUL or invalid UTF-8)."));
            case UNAVAILABLE -> ProblemException.unavailable("The database is unavailable; retry later.");
        };
    }

    static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = pointer(mapping.getPath());
            String detail = e instanceof UnrecognizedPropertyException ? "Unknown field."
                    : "Wrong type or format.";
            return ProblemException.validation(FieldError.at(pointer, detail));
        }
        return ProblemException.malformedJson("The request body is not valid JSON.");
    }

    private Response internal(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return problem(new ProblemException(500, "internal", "Internal error", "An unexpected error occurred.", null),
                uri);
    }

    /** RFC 6901 pointer of a Jackson path. */
    public static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
