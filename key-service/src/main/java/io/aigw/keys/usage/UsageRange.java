package io.aigw.keys.usage;

import io.aigw.keys.common.Timestamps;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A {@code [from, to)} time range from query parameters (ISO-8601 UTC). {@code to} defaults to now,
 * {@code from} to 30 days before {@code to}; at most 366 days.
 */
record UsageRange(Instant from, Instant to) {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(366);

    static UsageRange parse(String from, String to) {
        Instant end = to == null || to.isEmpty() ? Timestamps.now() : instant("to", to);
        Instant start = from == null || from.isEmpty() ? end.minus(DEFAULT_SPAN) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.validation(FieldError.parameter("from", "Must be before 'to'."));
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.validation(FieldError.parameter("from", "The range may span at most 366 days."));
        }
        return new UsageRange(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(FieldError.parameter(name, "Must be an ISO-8601 UTC timestamp."));
        }
    }
}
