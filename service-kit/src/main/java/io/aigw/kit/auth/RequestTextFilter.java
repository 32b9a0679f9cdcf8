package io.aigw.kit.auth;

import io.aigw.kit.json.TextRules;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.Problem;
import io.aigw.kit.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before routing, a request line that no resource can answer sensibly: a path or query parameter that is
 * not valid UTF-8 once percent-decoded, or that holds a NUL or another control character, or a path with a
 * {@code .} or {@code ..} segment (the HTTP layer would resolve it, so the URL would address another resource).
 * Answers 400 naming {@code path} or the parameter. Runs after authentication.
 */
public class RequestTextFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 10)
    public Response check(ContainerRequestContext context, HttpServerRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        FieldError error = checkPath(rawPath);
        if (error == null && question >= 0) {
            error = checkQuery(uri.substring(question + 1));
        }
        if (error == null) {
            return null;
        }
        Problem problem = ProblemException.validation(error).toProblem(context.getUriInfo().getPath());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static FieldError checkPath(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment, false);
            if (decoded == null) {
                return FieldError.parameter("path", "Is not valid UTF-8.");
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return FieldError.parameter("path", "Must not contain a '.' or '..' segment.");
            }
            String problem = TextRules.strictProblem(decoded);
            if (problem != null) {
                return FieldError.parameter("path", problem);
            }
        }
        return null;
    }

    static FieldError checkQuery(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            if (name == null || TextRules.strictProblem(name) != null) {
                return FieldError.parameter("query", "A parameter name is not valid text.");
            }
            if (value == null) {
                return FieldError.parameter(name, "Is not valid UTF-8.");
            }
            String problem = TextRules.strictProblem(value);
            if (problem != null) {
                return FieldError.parameter(name, problem);
            }
        }
        return null;
    }

    /** Percent-decodes strictly as UTF-8; null when the bytes are not UTF-8 or an escape is broken. */
    static String decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        byte[] source = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < source.length; i++) {
            byte b = source[i];
            if (b == '%') {
                if (i + 2 >= source.length) {
                    return null;
                }
                int hi = Character.digit(source[i + 1], 16);
                int lo = Character.digit(source[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
