package io.aigw.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads `usage-events` from its end (events left by earlier runs are skipped), filtered by request id. */
public final class UsageEventsReader implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;

    public UsageEventsReader() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor("test.usage-events").stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The events of {@code requestId} in attempt order, waiting up to 15 s for {@code expected} of them. */
    public List<JsonNode> eventsOf(String requestId, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long until = System.currentTimeMillis() + 15_000;
        while (found.size() < expected && System.currentTimeMillis() < until) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = MAPPER.readTree(r.value());
                if (requestId.equals(event.path("requestId").asText())) {
                    found.add(event);
                }
            }
        }
        found.sort(Comparator.comparingInt(e -> e.path("attempt").asInt()));
        return found;
    }

    /** The events that {@code match}, waiting up to 15 s for {@code expected} of them (a request whose id is unknown). */
    public List<JsonNode> eventsWhere(java.util.function.Predicate<JsonNode> match, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long until = System.currentTimeMillis() + 15_000;
        while (found.size() < expected && System.currentTimeMillis() < until) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = MAPPER.readTree(r.value());
                if (match.test(event)) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
