import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Usage events straight into Kafka `usage-events` at a steady rate, without a gateway: the ledger's side of issue 19
 * ("keeps up with 5,000 events/s with no growing lag") on a machine whose two cores cannot also run the gateway, the
 * simulator and a load generator at that rate. Each event is the golden fixture's successful attempt (firewall and
 * auto fields dropped: a plain chat completion's event), with a fresh time-ordered event id, a request id
 * `req_ll<run><n>` and `occurredAt` = the moment it is handed to the producer; the producer has the gateway's
 * settings (acks=all, idempotent, linger 100 ms, 256 KiB batches, lz4). Keys: `--keys` access-key ids, round robin.
 *
 *   java -cp 'deploy/local/run/kafka/lib/*' e2e/bench/ledger/LedgerLoad.java FIXTURE RUN RATE SECONDS KEYS
 *
 * Prints one line per second (sent, acknowledged), `SENT <n>` at the end, and the producer's batch figures (record size,
 * compression rate, records per produce request).
 */
public class LedgerLoad {

    public static void main(String[] args) throws Exception {
        Path fixture = Path.of(args[0]);
        String run = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int keys = Integer.parseInt(args[4]);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode template = null;
        for (var node : mapper.readTree(fixture.toFile())) {
            if ("success".equals(node.path("outcome").asText())) {
                template = (ObjectNode) node.deepCopy();
            }
        }
        template.remove("firewall");
        template.remove("auto");
        template.remove("skipped");
        Map<String, Object> settings = Map.of("bootstrap.servers", System.getProperty("bootstrap", "127.0.0.1:9092"),
                "acks", "all", "enable.idempotence", "true", "linger.ms", "100", "batch.size", "262144",
                "compression.type", System.getProperty("compression", "lz4"), "client.id", "ledger-load");
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            long nextReport = start + TimeUnit.SECONDS.toNanos(1);
            while (sent < total) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L; // events due by now
                for (; sent < Math.min(due, total); sent++) {
                    String key = "ak_ledgerload" + (sent % keys);
                    template.put("eventId", uuid7());
                    template.put("requestId", "req_ll" + run + "_" + sent);
                    template.put("accessKeyId", key);
                    template.put("occurredAt", Instant.now().toString());
                    producer.send(new ProducerRecord<>("usage-events", key, mapper.writeValueAsBytes(template)),
                            (meta, e) -> (e == null ? acked : failed).incrementAndGet());
                }
                long now = System.nanoTime();
                if (now >= nextReport) {
                    System.out.printf("%d s: sent %d, acknowledged %d, failed %d%n",
                            TimeUnit.NANOSECONDS.toSeconds(now - start), sent, acked.get(), failed.get());
                    nextReport += TimeUnit.SECONDS.toNanos(1);
                }
                Thread.sleep(1);
            }
            producer.flush();
            producer.metrics().forEach((name, metric) -> {
                if (name.group().equals("producer-metrics") && (name.name().equals("record-size-avg")
                        || name.name().equals("compression-rate-avg") || name.name().equals("records-per-request-avg")
                        || name.name().equals("batch-size-avg"))) {
                    System.out.printf("producer %s: %.2f%n", name.name(), ((Number) metric.metricValue()).doubleValue());
                }
            });
        }
        System.out.printf("SENT %d acknowledged %d failed %d in %.1f s%n", sent, acked.get(), failed.get(),
                (System.nanoTime() - start) / 1e9);
    }

    private static String uuid7() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62);
        return new UUID(high, low).toString();
    }
}
