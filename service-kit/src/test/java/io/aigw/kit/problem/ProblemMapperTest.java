package io.aigw.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** Each failure class mapped once, whatever wraps it. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    private static Problem body(Response response) {
        return (Problem) response.getEntity();
    }

    @Test
    void shouldMapAUniqueViolationWrappedInHibernateExceptionsTo409() {
        PgException unique = new PgException("duplicate key value violates unique constraint", "ERROR", "23505", "detail");
        Response response = mapper.unexpected(new CompletionException(new HibernateException("flush failed", unique)), null);
        assertEquals(409, response.getStatus());
        assertEquals(Problem.TYPE_PREFIX + "conflict", body(response).type());
        PgException named = new PgException("duplicate key", "ERROR", "23505", "Key (display_name)=(secret) already exists.");
        Problem problem = body(mapper.unexpected(new HibernateException(named), null));
        assertEquals("/displayName", problem.errors().get(0).pointer());
        assertEquals(false, problem.toString().contains("secret"));
    }

    @Test
    void shouldMapAnUnreachableDatabaseTo503WithRetryAfter() {
        Response response = mapper.unexpected(new HibernateException(new ConnectException("Connection refused")), null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }

    @Test
    void shouldMapSerializationFailuresAndDeadlocksTo409AndUnstorableTextTo400() {
        assertEquals(409, mapper.unexpected(new PgException("could not serialize", "ERROR", "40001", null), null).getStatus());
        assertEquals(409, mapper.unexpected(new PgException("deadlock detected", "ERROR", "40P01", null), null).getStatus());
        assertEquals(400, mapper.unexpected(new PgException("invalid byte sequence for encoding \"UTF8\": 0x00",
                "ERROR", "22021", null), null).getStatus());
    }

    @Test
    void shouldAnswerAnUnknownFailureWith500WithoutDetailOrClassName() {
        Response response = mapper.unexpected(new IllegalStateException("secret internals"), null);
        assertEquals(500, response.getStatus());
        assertEquals("An unexpected error occurred.", body(response).detail());
        assertNull(body(response).errors());
    }
}
