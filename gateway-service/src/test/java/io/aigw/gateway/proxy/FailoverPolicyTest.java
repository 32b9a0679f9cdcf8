package io.aigw.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.gateway.proxy.FailoverPolicy.Action;
import org.junit.jupiter.api.Test;

/** The SPEC §1.4 table, row by row, without any network. */
class FailoverPolicyTest {

    @Test
    void shouldTryTheNextKeyOnAuthenticationFailures() {
        assertThat(FailoverPolicy.forStatus(401, -1, 0, true), equalTo(Action.NEXT_KEY));
        assertThat(FailoverPolicy.forStatus(403, -1, 0, true), equalTo(Action.NEXT_KEY));
    }

    @Test
    void shouldRetryTheSameBackendOnlyForAShortRetryAfterThatFitsAtMostTwice() {
        assertThat(FailoverPolicy.forStatus(429, 1000, 0, true), equalTo(Action.RETRY_SAME_BACKEND));
        assertThat(FailoverPolicy.forStatus(429, 5000, 1, true), equalTo(Action.RETRY_SAME_BACKEND));
        assertThat(FailoverPolicy.forStatus(429, 5001, 0, true), equalTo(Action.NEXT_KEY));
        assertThat(FailoverPolicy.forStatus(429, 1000, 2, true), equalTo(Action.NEXT_KEY));
        assertThat(FailoverPolicy.forStatus(429, 1000, 0, false), equalTo(Action.NEXT_KEY));
        assertThat(FailoverPolicy.forStatus(429, -1, 0, true), equalTo(Action.NEXT_KEY));
    }

    @Test
    void shouldMoveToTheNextModelOnServerErrorsAnd408() {
        for (int status : new int[] {408, 500, 502, 503, 504, 529}) {
            assertThat(FailoverPolicy.forStatus(status, -1, 0, true), equalTo(Action.NEXT_MODEL));
        }
    }

    @Test
    void shouldStopOnAnyOther4xx() {
        for (int status : new int[] {400, 404, 409, 413, 422}) {
            assertThat(FailoverPolicy.forStatus(status, -1, 0, true), equalTo(Action.STOP));
        }
    }
}
