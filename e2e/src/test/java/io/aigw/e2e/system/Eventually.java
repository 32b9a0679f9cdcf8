package io.aigw.e2e.system;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds. The deadlines are functional ("it happens"), generous on purpose:
 * how fast a change propagates is measured by {@code e2e/bench/propagation}, never asserted here.
 */
final class Eventually {

    private Eventually() {
    }

    /** Repeats the call until its answer satisfies the condition; fails with the last answer when time is up. */
    static <T> T within(Duration deadline, String what, Supplier<T> call, Predicate<T> done) {
        return within(deadline, what, call, done, Eventually::describe);
    }

    /** As above; {@code describe} says what the last answer lacked (for answers too large to print whole). */
    static <T> T within(Duration deadline, String what, Supplier<T> call, Predicate<T> done,
            java.util.function.Function<T, String> describe) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        Throwable failure = null;
        while (true) {
            try {
                last = call.get();
                failure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RunningSuite.SuiteUnreachable e) {
                failure = e;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what + "; last answer: "
                        + (failure != null ? failure.getMessage() : last == null ? "none" : describe.apply(last)), failure);
            }
            sleep(100);
        }
    }

    private static <T> String describe(T answer) {
        if (answer instanceof java.net.http.HttpResponse<?> response) {
            return response.statusCode() + " " + response.body();
        }
        return String.valueOf(answer);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
