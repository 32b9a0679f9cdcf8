package io.aigw.gateway.routing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Window counting, cooldown, half-open probe and Retry-After of one replica's breakers, on a hand-moved clock. */
class BackendCooldownsTest {

    private static final CooldownSettings SETTINGS = new CooldownSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(5), 5);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final BackendCooldowns cooldowns = new BackendCooldowns(now::get);
    private final RoutingSnapshot snapshot = io.aigw.gateway.support.TestCatalog.snapshot();

    private PlannedAttempt attempt(String key, String model) {
        ModelAddress address = ModelAddressParser.parse(model, snapshot, "model");
        return new PlannedAttempt(address, new ProviderKeyRef(key, address.provider().id(), 1), 0, null);
    }

    private final PlannedAttempt a = attempt("pk_a", "openai:gpt-4o");

    private void fail(PlannedAttempt attempt, int times) {
        for (int i = 0; i < times; i++) {
            cooldowns.failed(attempt, SETTINGS, -1);
        }
    }

    @Test
    void shouldCoolABackendDownAtTheThresholdWithinTheWindow() {
        fail(a, 2);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        assertThat(cooldowns.failed(a, SETTINGS, -1), contains(new BackendCooldowns.Cooling("key:pk_a:openai:gpt-4o",
                now.get() + 5_000)));
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(5_000L));
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        fail(a, 2);
        now.addAndGet(10_001);
        fail(a, 2);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        fail(a, 1);
        assertThat(cooldowns.blockedFor(a, SETTINGS), greaterThan(0L));
    }

    @Test
    void shouldCoolOnlyThatKeyAndModel() {
        fail(a, 3);
        assertThat(cooldowns.blockedFor(attempt("pk_b", "openai:gpt-4o"), SETTINGS), equalTo(0L));
        assertThat(cooldowns.blockedFor(attempt("pk_a", "anthropic:claude-sonnet-4-5"), SETTINGS), equalTo(0L));
    }

    @Test
    void shouldLetOneProbeThroughWhenTheCooldownEndsAndCloseOnItsSuccess() {
        fail(a, 3);
        now.addAndGet(5_000);
        assertThat("the probe", cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        assertThat("a second request while the probe is out", cooldowns.blockedFor(a, SETTINGS), equalTo(1L));
        cooldowns.succeeded(a);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        fail(a, 2);
        assertThat("the count started again", cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
    }

    @Test
    void shouldOpenAgainForAWholeCooldownWhenTheProbeFails() {
        fail(a, 3);
        now.addAndGet(5_000);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
        assertThat(cooldowns.failed(a, SETTINGS, -1).size(), equalTo(1));
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(5_000L));
    }

    @Test
    void shouldLetAnotherProbeThroughWhenTheFirstNeverReported() {
        fail(a, 3);
        now.addAndGet(5_000);
        cooldowns.blockedFor(a, SETTINGS);
        now.addAndGet(5_001);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L));
    }

    @Test
    void shouldTakeARetryAfterAsThatKeysCooldownAtTheFirstFailure() {
        assertThat(cooldowns.failed(a, SETTINGS, 42_000), contains(new BackendCooldowns.Cooling("key:pk_a:openai:gpt-4o",
                now.get() + 42_000)));
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(42_000L));
        assertThat(cooldowns.blockedFor(attempt("pk_b", "openai:gpt-4o"), SETTINGS), equalTo(0L));
    }

    @Test
    void shouldCoolTheWholeProviderAfterItsOwnThreshold() {
        for (int i = 0; i < 5; i++) {
            cooldowns.failed(attempt("pk_" + i, "openai:m" + i), SETTINGS, -1);
        }
        assertThat(cooldowns.blockedFor(attempt("pk_x", "openai:gpt-4o"), SETTINGS), equalTo(5_000L));
        assertThat(cooldowns.blockedFor(attempt("pk_x", "anthropic:claude-sonnet-4-5"), SETTINGS), equalTo(0L));
    }

    @Test
    void shouldTakeACooldownAnotherReplicaStarted() {
        cooldowns.learn("key:pk_a:openai:gpt-4o", now.get() + 3_000);
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(3_000L));
        cooldowns.learn("key:pk_a:openai:gpt-4o", now.get() + 1_000);
        assertThat("a shorter one changes nothing", cooldowns.blockedFor(a, SETTINGS), equalTo(3_000L));
    }

    @Test
    void shouldDoNothingWhenCooldownsAreOff() {
        assertThat(cooldowns.failed(a, CooldownSettings.OFF, 60_000), empty());
        assertThat(cooldowns.blockedFor(a, CooldownSettings.OFF), equalTo(0L));
    }

    @Test
    void shouldShowEachTrackedBackendsStateFromFailingThroughCoolingAndProbingToClosed() {
        fail(a, 2);
        assertThat(cooldowns.health(10_000), contains(
                new BackendHealth("key:pk_a:openai:gpt-4o", "closed", 2, null, 0),
                new BackendHealth("provider:openai", "closed", 2, null, 0)));
        fail(a, 1);
        assertThat(cooldowns.health(10_000).get(0),
                equalTo(new BackendHealth("key:pk_a:openai:gpt-4o", "open", 0, now.get() + 5_000, 5_000)));
        now.addAndGet(5_000);
        assertThat(cooldowns.health(10_000).get(0).state(), equalTo("half-open"));
        assertThat(cooldowns.blockedFor(a, SETTINGS), equalTo(0L)); // the probe goes
        assertThat(cooldowns.health(10_000).get(0).state(), equalTo("probing"));
        cooldowns.succeeded(a);
        assertThat(cooldowns.health(10_000).get(0), equalTo(new BackendHealth("key:pk_a:openai:gpt-4o", "closed", 0,
                null, 0)));
    }

    @Test
    void shouldSayWhenAPassTookTheHalfOpenProbeAndLetAReleasedProbeBeTakenAgain() {
        fail(a, 3);
        now.addAndGet(5_000);
        assertThat(cooldowns.admit(a, SETTINGS), equalTo(BackendCooldowns.PROBE_KEY));
        assertThat("the probe is out", cooldowns.admit(a, SETTINGS), equalTo(1L));
        cooldowns.releaseProbe(BackendCooldowns.probedBackend(a, BackendCooldowns.PROBE_KEY));
        assertThat(cooldowns.admit(a, SETTINGS), equalTo(BackendCooldowns.PROBE_KEY));
    }
}
