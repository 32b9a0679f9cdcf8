package io.aigw.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code catalog-changes} from its current end, so data left by earlier runs never matters. */
public final class CatalogTopic implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public CatalogTopic() {
        Properties props = new Properties();
        props.put("bootstrap.servers", System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        props.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("catalog-changes").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        ends.forEach(consumer::seek);
    }

    /** Polls for {@code wait} and returns every record so far whose key is {@code key}. */
    public List<ConsumerRecord<String, String>> recordsFor(String key, Duration wait, int expected) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            if (expected > 0 && seen.stream().filter(r -> key.equals(r.key())).count() >= expected) {
                break;
            }
        }
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    public List<ConsumerRecord<String, String>> drain(Duration wait) {
        recordsFor("", wait, 0);
        return List.copyOf(seen);
    }

    public static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<JsonNode> matching(List<ConsumerRecord<String, String>> records, Predicate<JsonNode> p) {
        return records.stream().map(CatalogTopic::json).filter(p).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
