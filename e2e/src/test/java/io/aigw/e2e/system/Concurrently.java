package io.aigw.e2e.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Runs calls on threads of their own, released together, and answers their results in the order given. */
final class Concurrently {

    private Concurrently() {
    }

    static <T> List<T> run(List<Supplier<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<T>> results = new ArrayList<>();
            for (Supplier<T> call : calls) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    await(go);
                    return call.get();
                }, pool));
            }
            await(ready);
            go.countDown();
            return results.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
