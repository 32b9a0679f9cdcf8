package io.aigw.catalog.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json}. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public RestResponse<Problem> api(ApiException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = pointer(mapping.getPath());
            String detail = e instanceof UnrecognizedPropertyException
                    ? "unknown field"
                    : "wrong type or format";
            return respond(400, "validation-failed", "Validation failed", detail + " at " + pointer, uri,
                    List.of(new FieldError(pointer, detail)));
        }
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON", uri, null);
    }

    /** Overrides Quarkus' built-in Jackson mappers, which answer a non-problem body. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> format(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        String slug = switch (status) {
            case 400 -> "validation-failed";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(status, slug, title, status >= 500 ? "Internal error" : title, uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> stale(StaleStateException e, UriInfo uri) {
        return respond(409, "conflict", "Conflict", "The resource was changed concurrently; retry", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> database(PgException e, UriInfo uri) {
        if ("23505".equals(e.getSqlState())) {
            return respond(409, "conflict", "Conflict", "A resource with this id or name already exists", uri, null);
        }
        Log.errorf(e, "Database failure on %s", uri.getPath());
        return respond(500, "internal", "Internal error", "Internal error", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknown(Throwable e, UriInfo uri) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof ApiException api) {
                return api(api, uri);
            }
            if (cause instanceof PgException pg) {
                return database(pg, uri);
            }
            if (cause instanceof StaleStateException stale) {
                return stale(stale, uri);
            }
        }
        Log.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "internal", "Internal error", "Internal error", uri, null);
    }

    static String pointer(List<JsonMappingException.Reference> path) {
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

    private static RestResponse<Problem> respond(int status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(RestResponse.Status.fromStatusCode(status)).entity(problem).type(PROBLEM_JSON).build();
    }
}
