package io.aigw.console.health;

import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway replica's change-consumer lag, read from its Prometheus page: the `aigw_sync_consumer_lag{topic}` gauge
 * (records behind each topic's end, summed over the topic's partitions), per topic and in total.
 */
final class ConsumerLag {

    private static final Pattern SAMPLE = Pattern.compile("^aigw_sync_consumer_lag\\{([^}]*)}\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final Pattern TOPIC = Pattern.compile("(?:^|,)topic=\"([^\"]*)\"");

    private ConsumerLag() {
    }

    /** `{"total": n, "topics": {topic: n, …}}`, or null when the page has no lag sample. */
    static JsonObject of(String metrics) {
        if (metrics == null) {
            return null;
        }
        JsonObject topics = new JsonObject();
        long total = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            Matcher topic = TOPIC.matcher(sample.group(1));
            double value;
            try {
                value = Double.parseDouble(sample.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            if (!topic.find() || Double.isNaN(value)) {
                continue;
            }
            long records = Math.round(value);
            topics.put(topic.group(1), topics.getLong(topic.group(1), 0L) + records);
            total += records;
        }
        return topics.isEmpty() ? null : new JsonObject().put("total", total).put("topics", topics);
    }
}
