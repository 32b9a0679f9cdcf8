package io.aigw.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A busy replica waits for its queued limit checks; only a silent Redis makes a request give up. */
class RedisDeadlineTest {

    static final Duration TIMEOUT = Duration.ofMillis(100);
    static final Duration CAP = Duration.ofSeconds(2);

    private final Vertx vertx = Vertx.vertx();
    private final RedisDeadline deadline = new RedisDeadline(vertx, TIMEOUT, CAP, System::nanoTime);

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void shouldGiveUpWhenRedisAnswersNothingForTheTimeout() {
        Uni<String> never = Uni.createFrom().nothing();
        CompletionException failure = assertThrows(CompletionException.class,
                () -> deadline.await(never).subscribeAsCompletionStage().join());
        assertInstanceOf(TimeoutException.class, failure.getCause());
    }

    @Test
    void shouldWaitPastTheTimeoutForAnAnswerQueuedWhileRedisAnswersOtherCalls() {
        long answerOthersUntil = System.currentTimeMillis() + 5 * TIMEOUT.toMillis();
        long timer = vertx.setPeriodic(TIMEOUT.toMillis() / 4, id -> {
            if (System.currentTimeMillis() < answerOthersUntil) {
                deadline.await(Uni.createFrom().item("other")).subscribe().with(x -> { });
            }
        });
        Uni<String> queued = Uni.createFrom().item("admitted").onItem().delayIt().by(TIMEOUT.multipliedBy(4));
        try {
            assertEquals("admitted", deadline.await(queued).subscribeAsCompletionStage().join());
        } finally {
            vertx.cancelTimer(timer);
        }
    }

    @Test
    void shouldGiveUpAtTheCapEvenWhileRedisAnswersOtherCalls() {
        long timer = vertx.setPeriodic(TIMEOUT.toMillis() / 4,
                id -> deadline.await(Uni.createFrom().item("other")).subscribe().with(x -> { }));
        try {
            long started = System.nanoTime();
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> deadline.await(Uni.createFrom().nothing()).subscribeAsCompletionStage().join());
            assertInstanceOf(TimeoutException.class, failure.getCause());
            assertEquals(true, System.nanoTime() - started >= CAP.toNanos(), "gave up before the cap");
        } finally {
            vertx.cancelTimer(timer);
        }
    }
}
