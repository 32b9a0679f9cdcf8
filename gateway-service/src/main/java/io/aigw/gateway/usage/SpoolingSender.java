package io.aigw.gateway.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The usage-event sender thread. While the spool is empty and Kafka takes events, each queued event goes to the
 * producer; an event the producer refuses or finally fails (its delivery timeout, `aigw.usage-events.producer.
 * delivery.timeout.ms`) is appended to the spool, and so is every later event until the spool is empty again, so
 * that events reach Kafka in order. The spool is replayed a chunk at a time (one chunk in flight, retried every
 * `retry-interval` while Kafka is down). It logs once when an outage starts and once when it ends; appends are forced
 * to disk every `sync-interval`. Everything here runs on this one thread, except the producer's callbacks, which only
 * touch atomics, a queue and the map of records not yet acknowledged. At shutdown whatever Kafka has not acknowledged
 * goes to the spool, even when closing the producer hangs (a broker gone mid-outage: a replica restarted then lost
 * every event it held, UsageThroughKafkaOutageIT); a record both acknowledged late and spooled reaches the ledger
 * once, as the ledger keeps one row per event id. A record sent is kept as it was sent (key and value) until Kafka
 * acknowledges it; its spool form is built only when it has to be spooled (issue 19: built for every record, it was a
 * copy of every event kept alive until the acknowledgement).
 */
final class SpoolingSender implements Runnable {

    static final int CHUNK = 500;
    /** How long shutdown waits for the producer to close before it spools what is still unacknowledged. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /**
     * While events keep coming, the thread sleeps this long between drains instead of waiting on the queue: a waiting
     * consumer makes every offer unpark it, a futex call on the event loop per answer (about 4 % of the gateway's CPU at
     * c=32 in the profile, and as much again in this thread's wake-ups). Events reach Kafka at most this much later,
     * which the producer's linger (100 ms) dwarfs; at 1,000 req/s the thread wakes 100 times a second, not 1,000
     * (issue 19).
     */
    static final long BATCH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long after the last event the thread keeps sleeping in batches before it waits on the queue again. */
    static final long BUSY_SPELL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final BlockingQueue<UsageEvent> queue;
    private final UsageSink sink;
    private final UsageSpool spool;
    /** The events' JSON, its generator and buffer reused from one event to the next (this thread's only). */
    private final UsageEventJson json;
    private final SpoolConfig config;
    private final Counter dropped;
    private final AtomicLong droppedAtQueue;
    private final SpoolMetrics metrics;
    private final Queue<Sent> failed = new ConcurrentLinkedQueue<>();
    /** Records handed to the producer (not replays: those stay in the spool until acknowledged), by send order. */
    private final NavigableMap<Long, Sent> unacknowledged = new ConcurrentSkipListMap<>();
    private long sent;
    private volatile boolean stopping;
    private boolean down;
    private long outageStarted;
    private long droppedInOutage;
    private long nextSync;
    private long nextRetry;
    /** The chunk being replayed: its segment, its first and next offsets, its size, its callbacks' outcome. */
    private long chunkSegment = -1;
    private long chunkOffset;
    private long chunkNext;
    private int chunkSize;
    private final AtomicInteger chunkAcked = new AtomicInteger();
    private final AtomicInteger chunkFailed = new AtomicInteger();
    private long replayOffset;

    SpoolingSender(BlockingQueue<UsageEvent> queue, UsageSink sink, UsageSpool spool, ObjectMapper mapper,
            SpoolConfig config, Counter dropped, AtomicLong droppedAtQueue, SpoolMetrics metrics) {
        this.queue = queue;
        this.sink = sink;
        this.spool = spool;
        this.json = new UsageEventJson(mapper.getFactory());
        this.config = config;
        this.dropped = dropped;
        this.droppedAtQueue = droppedAtQueue;
        this.metrics = metrics;
        this.down = !spool.isEmpty();
        this.outageStarted = System.currentTimeMillis();
        if (down) {
            Log.infof("%d usage events found in the spool (%s): they go to Kafka first", spool.records(), config.dir());
        }
        updateGauges();
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        long lastBusy = 0;
        while (!stopping) {
            try {
                UsageEvent event = queue.poll();
                if (event != null) {
                    lastBusy = System.nanoTime();
                } else if (System.nanoTime() - lastBusy < BUSY_SPELL_NANOS) {
                    LockSupport.parkNanos(BATCH_WAIT_NANOS);
                    continue;
                } else {
                    event = queue.poll(50, TimeUnit.MILLISECONDS);
                }
                step(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | IOException e) {
                Log.errorf(e, "Usage-event sender: %s", e.getClass().getSimpleName());
            }
        }
        shutdown();
    }

    /**
     * One turn: every queued event, the producer's failures, a replay chunk when due, a sync when due. With no event
     * given it still drains the queue: shutdown's last turn once left what waited there behind (UsageThroughKafkaOutageIT:
     * a replica stopped while its sender was busy lost the 44 answers of its last 9 s).
     */
    void step(UsageEvent first) throws IOException {
        for (UsageEvent event = first != null ? first : queue.poll(); event != null; event = queue.poll()) {
            spoolFailures(); // a failure seen switches to the spool at once: a send may block for max.block.ms
            handle(event.accessKeyId(), json.write(event));
        }
        spoolFailures();
        long lost = droppedAtQueue.getAndSet(0);
        if (lost > 0) {
            dropped.increment(lost);
            outage("the in-memory queue of " + UsagePublisher.QUEUE_SIZE + " events is full");
            droppedInOutage += lost;
        }
        long now = System.currentTimeMillis();
        if (!spool.isEmpty() && chunkSegment < 0 && (!down || now >= nextRetry)) {
            sendChunk();
        }
        if (chunkSegment >= 0 && chunkAcked.get() + chunkFailed.get() == chunkSize) {
            chunkDone(now);
        }
        if (now >= nextSync) {
            spool.sync();
            nextSync = now + config.syncInterval().toMillis();
        }
        updateGauges();
    }

    /**
     * Spools what the producer failed. A send that waits for metadata Kafka cannot give fails (to its callback) only
     * after `max.block.ms`: without this check between sends, an outage met with unknown metadata cost a second per
     * event, the queue was never drained to the spool, and a replica stopped then lost it all.
     */
    private void spoolFailures() throws IOException {
        for (Sent record; (record = failed.poll()) != null; ) {
            spool(record.spoolForm(), "Kafka did not acknowledge it in time");
        }
    }

    private void handle(String key, byte[] value) throws IOException {
        if (spool.isEmpty() && !down) {
            send(new Sent(++sent, key == null ? "" : key, value));
        } else {
            spool(record(key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8), value), null);
        }
    }

    /** Hands a new record to the producer; a refusal or a failed delivery brings it to the spool. */
    private void send(Sent record) throws IOException {
        unacknowledged.put(record.number, record);
        metrics.inFlight().incrementAndGet();
        try {
            sink.send(record.key, record.value, record);
        } catch (RuntimeException e) {
            metrics.inFlight().decrementAndGet();
            unacknowledged.remove(record.number);
            spool(record.spoolForm(), "Kafka refused it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Hands a spooled record to the producer (it stays in the spool until its chunk is acknowledged). */
    private void send(byte[] record) {
        int keyLength = ((record[0] & 0xff) << 8) | (record[1] & 0xff);
        String key = new String(record, 2, keyLength, StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOfRange(record, 2 + keyLength, record.length);
        metrics.inFlight().incrementAndGet();
        try {
            sink.send(key, value, (meta, failure) -> {
                metrics.inFlight().decrementAndGet();
                (failure == null ? chunkAcked : chunkFailed).incrementAndGet();
            });
        } catch (RuntimeException e) {
            metrics.inFlight().decrementAndGet();
            chunkFailed.incrementAndGet();
        }
    }

    /**
     * A new record handed to the producer, as it was handed over (its send number, key and value), and the callback
     * of its delivery. Its spool form is built only if it has to be spooled: refused, failed, or unacknowledged at
     * shutdown.
     */
    private final class Sent implements Callback {
        /** Boxed once: the map's key when it is put and when it is removed. */
        final Long number;
        final String key;
        final byte[] value;

        Sent(Long number, String key, byte[] value) {
            this.number = number;
            this.key = key;
            this.value = value;
        }

        @Override
        public void onCompletion(RecordMetadata meta, Exception failure) {
            metrics.inFlight().decrementAndGet();
            if (failure == null) {
                metrics.published().increment();
            } else {
                failed.add(this); // before it leaves the map: shutdown never misses it between the two
            }
            unacknowledged.remove(number);
        }

        /** What the spool keeps of it: byte for byte what it kept when this form was built at send time. */
        byte[] spoolForm() {
            return record(key.getBytes(StandardCharsets.UTF_8), value);
        }
    }

    private void spool(byte[] record, String outageReason) throws IOException {
        if (outageReason != null) {
            outage(outageReason);
        }
        if (spool.append(record)) {
            metrics.spooled().increment();
        } else {
            dropped.increment();
            outage("the spool is full (" + spool.maxBytes() + " bytes)");
            droppedInOutage++;
        }
    }

    /** The first sign of an outage: one log line, then every event goes to the spool until it is replayed. */
    private void outage(String reason) {
        if (!down) {
            down = true;
            outageStarted = System.currentTimeMillis();
            nextRetry = outageStarted + config.retryInterval().toMillis();
            Log.warnf("Usage events go to the local spool (%s) until Kafka takes them again: %s", config.dir(), reason);
        }
    }

    /** Sends the next chunk of the oldest segment; its callbacks are counted, {@link #chunkDone} looks at them. */
    private void sendChunk() throws IOException {
        long segment = spool.oldest();
        if (segment != chunkSegmentLast) {
            replayOffset = 0;
            chunkSegmentLast = segment;
        }
        UsageSpool.Chunk chunk = spool.read(segment, replayOffset, CHUNK);
        if (chunk.records().isEmpty()) {
            spool.consumed(segment, 0, true); // read to its end (or to a torn tail)
            chunkSegmentLast = -1;
            return;
        }
        chunkSegment = segment;
        chunkOffset = replayOffset;
        chunkNext = chunk.next();
        chunkSize = chunk.records().size();
        chunkAcked.set(0);
        chunkFailed.set(0);
        int handedOver = 0;
        for (byte[] record : chunk.records()) {
            if (chunkFailed.get() > 0 || stopping) {
                break; // a send that failed at once waited max.block.ms: the next would too; the chunk is retried whole
            }
            send(record);
            handedOver++;
        }
        chunkFailed.addAndGet(chunkSize - handedOver);
    }

    private long chunkSegmentLast = -1;

    private void chunkDone(long now) throws IOException {
        long segment = chunkSegment;
        chunkSegment = -1;
        if (chunkFailed.get() > 0) {
            replayOffset = chunkOffset; // again from the chunk's start; the ledger drops what already arrived
            nextRetry = now + config.retryInterval().toMillis();
            outage("Kafka did not take spooled events");
            return;
        }
        metrics.replayed().increment(chunkSize);
        replayOffset = chunkNext;
        nextRetry = 0;
        spool.consumed(segment, chunkSize, false);
        if (spool.isEmpty() && down) {
            down = false;
            Log.infof("Kafka takes usage events again: the spool is replayed after %d s%s",
                    (now - outageStarted) / 1000, droppedInOutage == 0 ? ", none lost"
                            : "; " + droppedInOutage + " events were dropped during the outage");
            droppedInOutage = 0;
        }
    }

    /** Queued events to Kafka or the spool; the spool replayed for a while if Kafka takes it; the producer closed. */
    private void shutdown() {
        try {
            step(null);
            long until = System.currentTimeMillis() + 10_000;
            while (!spool.isEmpty() && !down && System.currentTimeMillis() < until) {
                step(queue.poll(20, TimeUnit.MILLISECONDS));
            }
            closeProducer();
            List<Sent> pending = new ArrayList<>(unacknowledged.values()); // before the failures: see Sent
            int failedAtClose = 0;
            for (Sent record; (record = failed.poll()) != null; failedAtClose++) {
                spool(record.spoolForm(), "Kafka did not acknowledge it before shutdown");
            }
            for (Sent record : pending) {
                spool(record.spoolForm(), "Kafka had not acknowledged it at shutdown");
            }
            spool.close();
            updateGauges();
            if (!spool.isEmpty()) {
                Log.infof("%d usage events stay in the spool for the next start (%d failed as the producer closed, %d it"
                        + " had not acknowledged)", spool.records(), failedAtClose, pending.size());
            }
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Usage events could not be saved at shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the producer on a thread of its own, waiting at most a little longer than its own close timeout. */
    private void closeProducer() throws InterruptedException {
        Thread closer = new Thread(() -> sink.close(CLOSE_WAIT), "aigw-usage-producer-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(CLOSE_WAIT.toMillis() + 2_000);
        if (closer.isAlive()) {
            Log.warnf("The usage-events producer did not close within %d s; what it holds goes to the spool",
                    CLOSE_WAIT.toSeconds() + 2);
        }
    }

    private void updateGauges() {
        metrics.spoolEvents().set(spool.records());
        metrics.spoolBytes().set(spool.bytes());
    }

    /** `[key length:2][key][value]`: what the spool keeps of a Kafka record. */
    private static byte[] record(byte[] key, byte[] value) {
        return ByteBuffer.allocate(2 + key.length + value.length).putShort((short) key.length).put(key).put(value).array();
    }
}
