package io.aigw.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes change events to the real `*-changes` topics, shaped after the producers' golden fixtures
 * (read from the repository root) with the test's own ids, so earlier runs' data never interferes.
 */
public final class ChangeEventsWriter implements AutoCloseable {

    public static final Path ACCESS_KEYS = Path.of("../key-service/src/test/resources/events/access-key-changes.v1.json");
    public static final Path PROVIDER_KEYS = Path.of("../key-service/src/test/resources/events/provider-key-changes.v1.json");
    public static final Path CONFIG = Path.of("../config-service/src/test/resources/events/config-changes.v1.json");
    public static final Path CATALOG = Path.of("../model-catalog-service/src/test/resources/events/catalog-changes.v1.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public ChangeEventsWriter() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "0");
        producer = new KafkaProducer<>(p);
        producer.partitionsFor("access-key-changes");
        producer.partitionsFor("catalog-changes");
    }

    /** A copy of the fixture event of {@code kind}/{@code type}, with a fresh eventId and occurredAt = now. */
    public static ObjectNode fixture(Path file, String kind, String type) throws Exception {
        for (JsonNode event : MAPPER.readTree(Files.readAllBytes(file))) {
            if (kind.equals(event.path("kind").asText()) && type.equals(event.path("type").asText())) {
                return ((ObjectNode) event.deepCopy()).put("eventId", UUID.randomUUID().toString())
                        .put("occurredAt", Instant.now().toString());
            }
        }
        throw new AssertionError("no " + kind + " " + type + " event in " + file);
    }

    /** Sends {@code event} keyed `<kind>:<id>`; answers once the broker acknowledged it. */
    public void send(String topic, ObjectNode event) throws Exception {
        sendRaw(topic, event.path("kind").asText() + ":" + event.path("id").asText(), MAPPER.writeValueAsString(event));
    }

    /** Sends {@code event} JSON-encoded twice (a JSON string holding the event), as older producers did. */
    public void sendEncodedTwice(String topic, ObjectNode event) throws Exception {
        sendRaw(topic, event.path("kind").asText() + ":" + event.path("id").asText(),
                MAPPER.writeValueAsString(MAPPER.writeValueAsString(event)));
    }

    /** Sends {@code event} with a W3C `traceparent` record header, as a traced outbox relay does. */
    public void sendTraced(String topic, ObjectNode event, String traceparent) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                event.path("kind").asText() + ":" + event.path("id").asText(), MAPPER.writeValueAsString(event));
        record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    public void sendRaw(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
