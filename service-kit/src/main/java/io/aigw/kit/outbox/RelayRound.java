package io.aigw.kit.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one relay round, decided per aggregate: the acknowledged rows before an aggregate's first failure
 * are published; that failure counts an attempt (and moves to the dead letters at the limit); the aggregate's later
 * rows (not sent) wait for the next round, so one aggregate's events never overtake each other while other
 * aggregates flow.
 */
record RelayRound(List<Long> published, List<OutboxRow> failed, List<OutboxRow> dead) {

    static RelayRound decide(List<OutboxRow> rows, Set<Long> acknowledged, Map<Long, String> failures,
            int maxAttempts) {
        List<Long> published = new ArrayList<>();
        List<OutboxRow> failed = new ArrayList<>();
        List<OutboxRow> dead = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        for (OutboxRow row : rows) {
            if (blocked.contains(row.key())) {
                continue;
            }
            if (acknowledged.contains(row.seq())) {
                published.add(row.seq());
            } else if (!failures.containsKey(row.seq())) {
                blocked.add(row.key()); // not sent this round (behind a failure): waits, with what follows it
            } else if (row.attempts() + 1 >= maxAttempts) {
                dead.add(row); // gone from the outbox, so the aggregate's next events may follow
            } else {
                failed.add(row);
                blocked.add(row.key());
            }
        }
        return new RelayRound(published, failed, dead);
    }
}
