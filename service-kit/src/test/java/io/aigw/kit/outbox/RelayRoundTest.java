package io.aigw.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayRoundTest {

    private static OutboxRow row(long seq, String key, int attempts) {
        return new OutboxRow(seq, "t", key, "{}", attempts, null);
    }

    @Test
    void shouldPublishEveryAcknowledgedRowWhenNothingFailed() {
        RelayRound round = RelayRound.decide(List.of(row(1, "a", 0), row(2, "b", 0), row(3, "a", 0)),
                Set.of(1L, 2L, 3L), Map.of(), 5);
        assertEquals(List.of(1L, 2L, 3L), round.published());
        assertEquals(List.of(), round.failed());
    }

    @Test
    void shouldHoldBackTheLaterRowsOfAFailedAggregateButNotOfOthers() {
        RelayRound round = RelayRound.decide(List.of(row(1, "a", 0), row(2, "b", 0), row(3, "a", 0), row(4, "b", 0)),
                Set.of(2L, 4L), Map.of(1L, "timeout"), 5);
        assertEquals(List.of(2L, 4L), round.published());
        assertEquals(List.of(1L), round.failed().stream().map(OutboxRow::seq).toList());
        assertEquals(List.of(), round.dead());
    }

    @Test
    void shouldBuryARowAtTheAttemptLimitAndSendWhatFollowsItNextRound() {
        // row 2 was not sent (it waits behind row 1): it is neither published nor failed this round
        RelayRound round = RelayRound.decide(List.of(row(1, "a", 4), row(2, "a", 0), row(3, "b", 0)),
                Set.of(3L), Map.of(1L, "poison"), 5);
        assertEquals(List.of(1L), round.dead().stream().map(OutboxRow::seq).toList());
        assertEquals(List.of(3L), round.published());
        RelayRound next = RelayRound.decide(List.of(row(2, "a", 0)), Set.of(2L), Map.of(), 5);
        assertEquals(List.of(2L), next.published());
    }
}
