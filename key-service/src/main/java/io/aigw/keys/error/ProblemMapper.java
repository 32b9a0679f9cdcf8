package io.aigw.keys.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.aigw.keys.providerkey.VaultException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into {@code application/problem+json}. Details never echo
 * request values (they may be secrets) and unknown failures never show class names or stack traces.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper objectMapper;

    public ProblemMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper({UnrecognizedPropertyException.class})
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return validation(uri, FieldError.at(pointer(e), "Unknown field."));
    }

    @ServerExceptionMapper({MismatchedInputException.class})
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String pointer = pointer(e);
        if (pointer.isEmpty()) {
            return malformed(uri);
        }
        return validation(uri, FieldError.at(pointer, "Wrong type or format."));
    }

    @ServerExceptionMapper({JsonMappingException.class})
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String pointer = pointer(e);
        return pointer.isEmpty() ? malformed(uri) : validation(uri, FieldError.at(pointer, "Invalid value."));
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return malformed(uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(409, "conflict", "Conflict", "The resource was changed concurrently; retry.", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? mapping(mapping, uri) : malformed(uri);
        }
        return switch (status) {
            case 404 -> respond(404, "not-found", "Not found", "No such resource.", uri, null);
            case 400 -> malformed(uri);
            default -> respond(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), null, uri, null);
        };
    }

    @ServerExceptionMapper
    public Response vault(VaultException e, UriInfo uri) {
        Log.errorf("Vault failure on %s: %s", uri.getPath(), e.getMessage());
        return respond(500, "internal", "Internal error", "A stored secret could not be decrypted.", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unhandled failure on %s", uri.getPath());
        return respond(500, "internal", "Internal error", "An unexpected error occurred.", uri, null);
    }

    private Response malformed(UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.", uri, null);
    }

    private Response validation(UriInfo uri, FieldError error) {
        return respond(400, "validation-failed", "Validation failed", "The request is not valid; see errors.", uri,
                List.of(error));
    }

    private Response respond(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return problemResponse(objectMapper,
                new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, uri == null ? null : uri.getPath(), errors));
    }

    /** Serialises a problem with its media type; also used by the auth filter. */
    public static Response problemResponse(ObjectMapper objectMapper, Problem problem) {
        try {
            return Response.status(problem.status()).type(PROBLEM_JSON)
                    .entity(objectMapper.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            return Response.status(problem.status()).build();
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }
}
