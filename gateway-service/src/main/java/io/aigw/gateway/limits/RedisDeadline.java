package io.aigw.gateway.limits;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How long a request waits for a limits script. `limitsFailMode` is for a Redis that does not answer, not for a busy
 * replica: a call gives up after {@code timeout} only when Redis has answered none of this replica's limit calls
 * for that long (counted from the call's start at the earliest). While answers keep arriving (a burst queued in the connection pool, a slow event loop) the call
 * waits on, one more {@code timeout} at a time, up to {@code cap}. Without this, a burst on a loaded machine admitted
 * requests unchecked under fail-open and a budget was overspent (BudgetAcrossReplicasIT: 0.0126 USD of 0.01).
 * A call that gives up is not cancelled: a script Redis runs after all still settles as usual.
 */
final class RedisDeadline {

    private final Vertx vertx;
    private final long timeoutNanos;
    private final long capNanos;
    private final LongSupplier clock;
    private final AtomicLong lastAnswer;

    RedisDeadline(Vertx vertx, Duration timeout, Duration cap, LongSupplier clock) {
        this.vertx = vertx;
        this.timeoutNanos = timeout.toNanos();
        this.capNanos = Math.max(timeout.toNanos(), cap.toNanos());
        this.clock = clock;
        this.lastAnswer = new AtomicLong(clock.getAsLong() - capNanos);
    }

    /** {@code call}'s answer, or a {@link TimeoutException} once Redis is silent for the timeout or the cap is spent. */
    <T> Uni<T> await(Uni<T> call) {
        return Uni.createFrom().emitter(emitter -> {
            long started = clock.getAsLong();
            AtomicBoolean done = new AtomicBoolean();
            Cancellable subscription = call.subscribe().with(item -> {
                lastAnswer.set(clock.getAsLong());
                if (done.compareAndSet(false, true)) {
                    emitter.complete(item);
                }
            }, failure -> {
                if (done.compareAndSet(false, true)) {
                    emitter.fail(failure);
                }
            });
            arm(started, done, () -> {
                if (done.compareAndSet(false, true)) {
                    emitter.fail(new TimeoutException("Redis did not answer the limits check in time"));
                }
            });
            emitter.onTermination(() -> {
                if (done.compareAndSet(false, true)) {
                    subscription.cancel();
                }
            });
        });
    }

    /** Whether Redis answered a limit call within the last timeout, or {@code started} is that recent. */
    private boolean answering(long started) {
        return clock.getAsLong() - Math.max(started, lastAnswer.get()) < timeoutNanos;
    }

    private void arm(long started, AtomicBoolean done, Runnable giveUp) {
        vertx.setTimer(Math.max(1, timeoutNanos / 1_000_000), id -> {
            if (done.get()) {
                return;
            }
            if (answering(started) && clock.getAsLong() - started < capNanos) {
                arm(started, done, giveUp);
            } else {
                giveUp.run();
            }
        });
    }
}
