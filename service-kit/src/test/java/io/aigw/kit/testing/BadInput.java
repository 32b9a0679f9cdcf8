package io.aigw.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions of the bad-input suites: a 400 problem that names the offending field, never a 5xx. */
public final class BadInput {

    private BadInput() {
    }

    /** A 400 {@code application/problem+json} whose {@code errors[0]} names {@code parameter} (query, path). */
    public static void assertParameterProblem(RawHttp.Answer answer, String parameter) {
        JsonNode problem = assertProblem(answer, 400);
        assertEquals(parameter, problem.path("errors").path(0).path("parameter").asText(), answer.body());
    }

    /** A 400 {@code application/problem+json} whose {@code errors[0]} points at {@code pointer} in the body. */
    public static void assertPointerProblem(RawHttp.Answer answer, String pointer) {
        JsonNode problem = assertProblem(answer, 400);
        assertEquals(pointer, problem.path("errors").path(0).path("pointer").asText(), answer.body());
    }

    public static JsonNode assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"),
                "content type " + answer.contentType());
        JsonNode problem = answer.json();
        assertEquals(status, problem.path("status").asInt(), answer.body());
        return problem;
    }
}
