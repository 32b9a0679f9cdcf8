package io.aigw.gateway.usage;

import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka producer of `usage-events`: the `kafka.*` settings every client of this service shares, then the
 * `aigw.usage-events.producer.*` ones (application.properties). A plain producer, without a messaging channel
 * in front: the channel's per-record pipeline cost more than the rest of the request path (issue 9).
 */
@Singleton
public class UsageEventsProducer implements UsageSink {

    static final String PRODUCER_PREFIX = "aigw.usage-events.producer.";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public UsageEventsProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka, Config config) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove("group.id");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                settings.put(name.substring(PRODUCER_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "aigw-usage-events");
        this.topic = config.getOptionalValue("aigw.usage-events.topic", String.class).orElse("usage-events");
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** Hands a record to the producer; blocks at most `max.block.ms` while the topic's metadata is unknown. */
    @Override
    public void send(String key, byte[] value, Callback callback) {
        producer.send(new ProducerRecord<>(topic, key, value), callback);
    }

    /** Closed by {@link UsagePublisher} at shutdown, after it handed over what it could. */
    @Override
    public void close(Duration timeout) {
        producer.close(timeout);
    }
}
