package io.aigw.gateway.sync;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * Collects the `changes` consumer's own per-partition `records-lag` (how far the last fetch was behind the
 * partition's end), for the `aigw_sync_consumer_lag{topic}` gauge. Instantiated by the Kafka client through
 * `metric.reporters`, outside CDI, hence the static map; reading a {@link KafkaMetric}'s value is thread-safe.
 */
public class ConsumerLagReporter implements MetricsReporter {

    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final Map<String, KafkaMetric> LAGS = new ConcurrentHashMap<>();

    /** Records behind the end, summed over the partitions of {@code topic} this replica follows. */
    static double lag(String topic) {
        double sum = 0;
        for (KafkaMetric metric : LAGS.values()) {
            if (topic.equals(metric.metricName().tags().get("topic")) && metric.metricValue() instanceof Double value
                    && !value.isNaN()) {
                sum += value;
            }
        }
        return sum;
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        if (isPartitionLag(metric)) {
            LAGS.put(id(metric), metric);
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        if (isPartitionLag(metric)) {
            LAGS.remove(id(metric));
        }
    }

    @Override
    public void close() {
        LAGS.clear();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    private static boolean isPartitionLag(KafkaMetric metric) {
        return "records-lag".equals(metric.metricName().name()) && GROUP.equals(metric.metricName().group())
                && metric.metricName().tags().containsKey("partition");
    }

    private static String id(KafkaMetric metric) {
        Map<String, String> tags = metric.metricName().tags();
        return tags.get("client-id") + "|" + tags.get("topic") + "|" + tags.get("partition");
    }
}
