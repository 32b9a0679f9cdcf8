package io.aigw.config.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients against the real broker, for publishing test events and reading ours. */
public final class TestKafka {

    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes and answers the partition the record went to. */
    public static int publish(String topic, String key, String value) {
        return publish(new ProducerRecord<>(topic, key, value));
    }

    public static int publishTo(String topic, int partition, String key, String value) {
        return publish(new ProducerRecord<>(topic, partition, key, value));
    }

    private static synchronized int publish(ProducerRecord<String, String> record) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            return producer.send(record).get().partition();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** A reader positioned at the current end of {@code topic}: it sees only what comes next. */
    public static Reader readerAtEnd(String topic) {
        return new Reader(topic);
    }

    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Every record seen so far that matches, after reading for {@code duration}. */
        public List<ConsumerRecord<String, String>> readFor(Duration duration, Predicate<ConsumerRecord<String, String>> filter) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
            return seen.stream().filter(filter).toList();
        }

        /** Reads until {@code count} matching records arrived (or the timeout), then a little longer. */
        public List<ConsumerRecord<String, String>> await(int count, Duration timeout, Duration settle,
                Predicate<ConsumerRecord<String, String>> filter) {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end && seen.stream().filter(filter).count() < count) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
            return readFor(settle, filter);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
