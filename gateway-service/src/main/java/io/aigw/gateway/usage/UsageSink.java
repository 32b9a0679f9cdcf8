package io.aigw.gateway.usage;

import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;

/** Where usage events go: the Kafka producer of `usage-events` (an interface so the spool logic is tested alone). */
interface UsageSink {

    /** Hands a record over; may throw when it cannot even be queued (Kafka's metadata unreachable in time). */
    void send(String key, byte[] value, Callback callback);

    /** Waits for every record handed over to be acknowledged or failed, at most {@code timeout}; fails what is left. */
    void close(Duration timeout);
}
