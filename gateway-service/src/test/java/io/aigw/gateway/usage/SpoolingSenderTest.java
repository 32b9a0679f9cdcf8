package io.aigw.gateway.usage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool and its sender against a Kafka that can be turned off and on: nothing lost, order kept, restarts survived. */
class SpoolingSenderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * A Kafka stand-in: acknowledges at once when up, fails every record when down; when silent (a broker gone
     * mid-outage) it answers nothing and closing it hangs.
     */
    static final class FakeKafka implements UsageSink {
        boolean up = true;
        volatile boolean silent;
        /** Kafka gone before the topic's metadata was known: each send waits, then fails to its callback. */
        boolean metadataUnknown;
        int sends;
        final List<String> received = new ArrayList<>();

        @Override
        public void send(String key, byte[] value, Callback callback) {
            sends++;
            if (silent) {
                return;
            }
            if (metadataUnknown) {
                callback.onCompletion(null, new org.apache.kafka.common.errors.TimeoutException(
                        "Topic usage-events not present in metadata after 1000 ms."));
                return;
            }
            if (up) {
                received.add(new String(value));
                callback.onCompletion(null, null);
            } else {
                callback.onCompletion(null, new org.apache.kafka.common.errors.TimeoutException("down"));
            }
        }

        @Override
        public void close(Duration timeout) {
            while (silent) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private SpoolConfig config() {
        return config(Duration.ZERO);
    }

    private SpoolConfig config(Duration retryInterval) {
        return new SpoolConfig() {
            public String dir() {
                return dir.toString();
            }

            public long maxBytes() {
                return 1 << 20;
            }

            public long segmentBytes() {
                return 4096;
            }

            public Duration syncInterval() {
                return Duration.ZERO;
            }

            public Duration retryInterval() {
                return retryInterval;
            }
        };
    }

    private SpoolingSender sender(FakeKafka kafka, ArrayBlockingQueue<UsageEvent> queue) throws IOException {
        return sender(kafka, queue, new UsageSpool(dir, config().maxBytes(), config().segmentBytes()));
    }

    private SpoolingSender sender(FakeKafka kafka, ArrayBlockingQueue<UsageEvent> queue, UsageSpool spool) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new SpoolingSender(queue, kafka, spool, MAPPER, config(),
                registry.counter("dropped"), new AtomicLong(), SpoolMetrics.register(registry, queue, spool.maxBytes()));
    }

    private static UsageEvent event(int n) {
        return new UsageEvent("e" + n, "req_" + n, "ak_spool", null, "openai", "gpt-4o", null, "openai/chat-completions",
                1, true, 200, "success", false, UsageEvent.Tokens.NONE, java.math.BigDecimal.ZERO, "catalog", 1, null,
                "2026-12-01T00:00:00Z", null, null, null, null);
    }

    /** "e1" … "e{@code n}": the ids of the first n events, in order. */
    private static List<String> eventIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("e" + i);
        }
        return ids;
    }

    private static List<String> ids(List<String> json) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String j : json) {
            ids.add(MAPPER.readTree(j).get("eventId").asText());
        }
        return ids;
    }

    @Test
    void shouldSpoolWhatKafkaFailsAndReplayItInOrderWhenKafkaIsBack() throws Exception {
        FakeKafka kafka = new FakeKafka();
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        SpoolingSender sender = sender(kafka, queue);
        sender.step(event(1));
        kafka.up = false;
        for (int i = 2; i <= 120; i++) {
            sender.step(event(i)); // several segments of 4 KiB
        }
        sender.step(null);
        assertThat(ids(kafka.received), contains("e1"));
        kafka.up = true;
        for (int i = 0; i < 60; i++) {
            sender.step(null);
        }
        assertThat(ids(kafka.received), equalTo(eventIds(120)));
        sender.step(event(121));
        assertThat(kafka.received.size(), equalTo(121));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("segment-")).toList(), empty());
        }
    }

    @Test
    void shouldReplayAtStartWhatAnEarlierProcessSpooledAndIgnoreATornLastRecord() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.up = false;
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        UsageSpool firstSpool = new UsageSpool(dir, config().maxBytes(), config().segmentBytes());
        SpoolingSender first = sender(kafka, queue, firstSpool);
        for (int i = 1; i <= 5; i++) {
            first.step(event(i));
        }
        // a second process on the same directory is refused: their records would interleave
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new UsageSpool(dir, config().maxBytes(), config().segmentBytes()));
        firstSpool.close();
        // the process dies mid-write: half a record at the end of the newest segment
        Path newest;
        try (var files = Files.list(dir)) {
            newest = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        Files.write(newest, new byte[] {0, 0, 1, 0, 1, 2}, StandardOpenOption.APPEND);

        kafka.up = true;
        SpoolingSender second = sender(kafka, queue);
        for (int i = 0; i < 5; i++) {
            second.step(null);
        }
        assertThat(ids(kafka.received), contains("e1", "e2", "e3", "e4", "e5"));
    }

    @Test
    void shouldSpoolAtShutdownWhatKafkaNeverAnsweredEvenWhenClosingTheProducerHangs() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.silent = true;
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        SpoolingSender sender = sender(kafka, queue);
        Thread thread = new Thread(sender, "sender-under-test");
        thread.start();
        for (int i = 1; i <= 50; i++) {
            queue.put(event(i));
        }
        while (!queue.isEmpty()) {
            Thread.sleep(10);
        }
        sender.stop();
        thread.join(30_000);
        assertThat("the sender finished its shutdown", thread.isAlive(), equalTo(false));

        FakeKafka next = new FakeKafka(); // the next start of the replica, Kafka back
        SpoolingSender restarted = sender(next, queue);
        for (int i = 0; i < 60; i++) {
            restarted.step(null);
        }
        assertThat(ids(next.received), equalTo(eventIds(50)));
    }

    @Test
    void shouldSpoolAfterTheFirstFailedSendWhenKafkaCannotGiveMetadata() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.metadataUnknown = true;
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        SpoolConfig retryLater = config(Duration.ofHours(1));
        UsageSpool spool = new UsageSpool(dir, retryLater.maxBytes(), retryLater.segmentBytes());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpoolingSender sender = new SpoolingSender(queue, kafka, spool, MAPPER, retryLater, registry.counter("dropped"),
                new AtomicLong(), SpoolMetrics.register(registry, queue, spool.maxBytes()));
        for (int i = 2; i <= 50; i++) {
            queue.put(event(i));
        }
        sender.step(event(1));
        assertThat("sends that each waited max.block.ms", kafka.sends, equalTo(1));
        assertThat(spool.records(), equalTo(50L));
        spool.close();

        kafka.metadataUnknown = false; // Kafka back, the replica restarted
        SpoolingSender restarted = sender(kafka, queue);
        for (int i = 0; i < 60; i++) {
            restarted.step(null);
        }
        assertThat(ids(kafka.received), equalTo(eventIds(50)));
    }

    /** UsageThroughKafkaOutageIT: a replica stopped during an outage lost the 44 answers of its last 9 s. */
    @Test
    void shouldSpoolAtShutdownTheEventsStillWaitingInTheQueue() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.up = false;
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        SpoolingSender sender = sender(kafka, queue);
        sender.step(event(1));
        for (int i = 2; i <= 30; i++) {
            queue.put(event(i)); // the sender was busy: they wait in the queue when the replica stops
        }
        sender.stop();
        sender.run();

        FakeKafka next = new FakeKafka();
        SpoolingSender restarted = sender(next, queue);
        for (int i = 0; i < 60; i++) { // a chunk and a look past its end per 4 KiB segment
            restarted.step(null);
        }
        assertThat(ids(next.received), equalTo(eventIds(30)));
    }

    /** A replay to a Kafka that cannot give metadata stops at the first failed send: each send waits max.block.ms. */
    @Test
    void shouldStopReplayingAChunkAtItsFirstFailedSend() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.up = false;
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(1000);
        SpoolConfig retryLater = config(Duration.ofHours(1));
        UsageSpool firstSpool = new UsageSpool(dir, retryLater.maxBytes(), retryLater.segmentBytes());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpoolingSender first = new SpoolingSender(queue, kafka, firstSpool, MAPPER, retryLater, registry.counter("dropped"),
                new AtomicLong(), SpoolMetrics.register(registry, queue, firstSpool.maxBytes()));
        for (int i = 1; i <= 40; i++) {
            first.step(event(i));
        }
        firstSpool.close();

        kafka.metadataUnknown = true; // the replica restarted while Kafka is still down
        kafka.sends = 0;
        SpoolingSender restarted = sender(kafka, queue);
        restarted.step(null);
        assertThat("sends that each waited max.block.ms", kafka.sends, equalTo(1));

        kafka.metadataUnknown = false;
        kafka.up = true;
        for (int i = 0; i < 60; i++) {
            restarted.step(null);
        }
        assertThat(ids(kafka.received), equalTo(eventIds(40)));
    }

    @Test
    void shouldCountWhatTheFullSpoolCannotHold() throws Exception {
        FakeKafka kafka = new FakeKafka();
        kafka.up = false;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(10);
        UsageSpool spool = new UsageSpool(dir, 2000, 4096);
        SpoolingSender sender = new SpoolingSender(queue, kafka, spool, MAPPER, config(), registry.counter("dropped"),
                new AtomicLong(), SpoolMetrics.register(registry, queue, spool.maxBytes()));
        for (int i = 1; i <= 20; i++) {
            sender.step(event(i));
        }
        double dropped = registry.counter("dropped").count();
        assertThat(dropped > 0, equalTo(true));
        assertThat(spool.records() + (long) dropped, equalTo(20L));
        assertThat(Optional.ofNullable(registry.find("aigw.usage.spool.events").gauge()).map(g -> (long) g.value()).orElse(-1L),
                equalTo(spool.records()));
    }

    /**
     * A Kafka that takes records and answers none of them until it is closed, then fails them all (a real producer
     * closed with records left); or one that refuses every record at once.
     */
    static final class HoldingKafka implements UsageSink {
        final List<Callback> held = new ArrayList<>();
        boolean failAtClose;
        RuntimeException refusal;

        @Override
        public void send(String key, byte[] value, Callback callback) {
            if (refusal != null) {
                throw refusal;
            }
            held.add(callback);
        }

        @Override
        public void close(Duration timeout) {
            if (failAtClose) {
                held.forEach(c -> c.onCompletion(null, new org.apache.kafka.common.errors.TimeoutException("closed")));
            }
        }
    }

    /** A sender that retries Kafka only an hour after a failure: what it spools stays in the spool's first segment. */
    private SpoolingSender senderTo(UsageSink kafka, UsageSpool spool) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ArrayBlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(10);
        return new SpoolingSender(queue, kafka, spool, MAPPER, config(Duration.ofHours(1)), registry.counter("dropped"),
                new AtomicLong(), SpoolMetrics.register(registry, queue, spool.maxBytes()));
    }

    /** What the spool keeps of an event: `[key length:2][key][value]`, the value the event's JSON on `usage-events`. */
    private static String spoolForm(UsageEvent event) throws IOException {
        byte[] key = event.accessKeyId() == null ? new byte[0] : event.accessKeyId().getBytes(StandardCharsets.UTF_8);
        byte[] value = MAPPER.writeValueAsBytes(event);
        return HexFormat.of().formatHex(ByteBuffer.allocate(2 + key.length + value.length).putShort((short) key.length)
                .put(key).put(value).array());
    }

    private static String spoolForms(UsageEvent... events) throws IOException {
        StringBuilder forms = new StringBuilder();
        for (UsageEvent event : events) {
            forms.append(spoolForm(event)).append('\n');
        }
        return forms.toString();
    }

    /** Every record of the spool's oldest segment, one a line, in the form {@link #spoolForm} gives. */
    private static String spooled(UsageSpool spool) throws IOException {
        StringBuilder forms = new StringBuilder();
        for (byte[] record : spool.read(spool.oldest(), 0, 100).records()) {
            forms.append(HexFormat.of().formatHex(record)).append('\n');
        }
        return forms.toString();
    }

    private static UsageEvent eventOf(String accessKeyId, int n) {
        return new UsageEvent("e" + n, "req_" + n, accessKeyId, "cfg", "openai", "gpt-4o", "pk", "openai/chat-completions",
                1, true, 200, "success", false, UsageEvent.Tokens.of(12, 3, 0, 0, false), new java.math.BigDecimal("0.0001"),
                "catalog", 1, 5L, "2026-12-01T00:00:00Z", null, null, null, null);
    }

    /** Issue 19 keeps a record as it was sent and builds its spool form only to spool it: the bytes spooled stay the same. */
    @Test
    void shouldSpoolARecordKafkaFailedOrRefusedAsItsKeyAndValueByteForByte() throws Exception {
        FakeKafka failing = new FakeKafka();
        failing.up = false;
        UsageSpool failedSpool = new UsageSpool(dir.resolve("failed"), 1 << 20, 1 << 20);
        sender(failing, new ArrayBlockingQueue<>(10), failedSpool).step(eventOf("ak_é", 1));
        assertThat(spooled(failedSpool), equalTo(spoolForms(eventOf("ak_é", 1))));

        HoldingKafka refusing = new HoldingKafka();
        refusing.refusal = new org.apache.kafka.common.errors.TimeoutException("no metadata");
        UsageSpool refusedSpool = new UsageSpool(dir.resolve("refused"), 1 << 20, 1 << 20);
        SpoolingSender sender = senderTo(refusing, refusedSpool);
        sender.step(eventOf(null, 2));
        sender.step(eventOf("ak_x", 3)); // in the outage: straight to the spool
        assertThat(spooled(refusedSpool), equalTo(spoolForms(eventOf(null, 2), eventOf("ak_x", 3))));
    }

    @Test
    void shouldSpoolAtShutdownWhatKafkaHeldOrFailedAsItsKeyAndValueByteForByteInOrder() throws Exception {
        for (boolean failAtClose : new boolean[] {false, true}) {
            HoldingKafka kafka = new HoldingKafka();
            kafka.failAtClose = failAtClose;
            Path spoolDir = dir.resolve("held-" + failAtClose);
            SpoolingSender sender = senderTo(kafka, new UsageSpool(spoolDir, 1 << 20, 1 << 20));
            for (int i = 1; i <= 3; i++) {
                sender.step(eventOf("ak_" + i, i));
            }
            sender.stop();
            sender.run();
            try (UsageSpool next = new UsageSpool(spoolDir, 1 << 20, 1 << 20)) {
                assertThat(spooled(next), equalTo(spoolForms(eventOf("ak_1", 1), eventOf("ak_2", 2), eventOf("ak_3", 3))));
            }
        }
    }
}
