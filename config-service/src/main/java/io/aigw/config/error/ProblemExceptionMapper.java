package io.aigw.config.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json}. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemException.malformedJson("The request body is not valid JSON.").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return malformedJson((JsonProcessingException) e.getCause(), uri);
        }
        String reason = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = switch (status) {
            case 400 -> "malformed-json";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            default -> reason.toLowerCase().replace(' ', '-');
        };
        return respond(Problem.of(status, slug, reason, reason + ".", path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (isUniqueViolation(cause)) {
                return respond(ProblemException.conflict("The name is already taken.",
                        FieldError.at("/name", "another resource already uses this name")).toProblem(path(uri)));
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return internal(e, uri);
    }

    private static boolean isUniqueViolation(Throwable cause) {
        return (cause instanceof PgException pg && "23505".equals(pg.getSqlState()))
                || (cause instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }

    private Response internal(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(Problem.of(500, "internal", "Internal error",
                "The service failed to handle the request; it has been logged.", path(uri)));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
