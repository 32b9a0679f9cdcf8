package io.aigw.gateway.support;

import io.aigw.gateway.sync.ChangeAssignments;

/** Waits until the gateway follows the four `*-changes` topics (partitions assigned and positioned). */
public final class SyncReady {

    private SyncReady() {
    }

    public static void await(ChangeAssignments assignments) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (!assignments.following()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("gateway not following the *-changes topics within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
