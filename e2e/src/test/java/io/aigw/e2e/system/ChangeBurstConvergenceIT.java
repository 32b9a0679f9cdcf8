package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Many changes in a short time leave every replica on the same, latest snapshot. */
@Order(3)
class ChangeBurstConvergenceIT {

    private static final int CHANGES = 1_000;
    private static final int CONFIGURATIONS = 4;
    private static final int CONCURRENCY = 8;

    private final RunningSuite suite = new RunningSuite();
    private final SuiteAdmin admin = new SuiteAdmin(suite);
    private final Replicas replicas = new Replicas(suite);

    @Test
    void aBurstOfAThousandChangesConvergesToTheSameSnapshotOnBothReplicas() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> configurations = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            for (int i = 0; i < CONFIGURATIONS; i++) {
                configurations.add(admin.createConfiguration("e2e-burst-" + run + "-" + i, List.of("simulator:sim-chat")));
            }

            long started = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                String configuration = configurations.get(i % CONFIGURATIONS);
                String body = "{\"description\":\"burst change " + i + "\"}";
                answers.add(senders.submit(() -> admin.patchConfiguration(configuration, body).statusCode()));
            }
            int accepted = 0;
            for (Future<Integer> answer : answers) {
                if (answer.get() == 200) {
                    accepted++;
                }
            }
            assertEquals(CHANGES, accepted, "every PATCH of the burst answers 200");

            long sent = System.nanoTime();
            long configVersion = replicas.configVersion();
            List<SnapshotVersion> versions = Eventually.within(Duration.ofSeconds(60),
                    "both replicas on config-service's snapshot version g" + configVersion,
                    replicas::snapshotVersions,
                    v -> v.stream().allMatch(version -> version != null && version.config() == configVersion)
                            && v.stream().distinct().count() == 1);
            assertEquals(configVersion, versions.get(0).config());
            System.out.printf("burst: %d changes answered in %d ms; both replicas on %s %d ms later (informational)%n",
                    CHANGES, (sent - started) / 1_000_000, versions.get(0), (System.nanoTime() - sent) / 1_000_000);
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
            configurations.forEach(admin::deleteConfiguration);
        }
    }
}
