package io.aigw.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On stop, the SmallRye Kafka connector closes its incoming channels one after the other; with graceful shutdown (the
 * default) each channel that holds partitions pauses them and then sleeps twice its {@code poll-timeout} (1 s by
 * default) before it closes the consumer. key-service, with two channels, spent 4 of its 5 s idle stop asleep there.
 * Every service therefore sets {@link #POLL_TIMEOUT} (a 0.5 s grace) once for the connector
 * ({@code mp.messaging.connector.smallrye-kafka.poll-timeout}), which every incoming channel reads unless it sets its
 * own: a channel added later gets it too. What a handler is still applying when the grace ends is read again after the
 * restart, which the version checks of every consumer already allow. Reads each service's application.properties from
 * the repo root, like the golden event fixtures.
 */
class IncomingShutdownGraceTest {

    static final String POLL_TIMEOUT = "250";
    private static final String CONNECTOR_POLL_TIMEOUT = "mp.messaging.connector.smallrye-kafka.poll-timeout";
    /** The connector's own default, for a channel that finds no poll-timeout at either level. */
    private static final int CONNECTOR_DEFAULT = 1000;
    private static final List<String> SERVICES = List.of("key-service", "config-service", "model-catalog-service",
            "gateway-service");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    /** A poll-timeout for an incoming channel or for the Kafka connector, in any profile. */
    private static final Pattern ANY_POLL_TIMEOUT = Pattern.compile(
            "(%[^.]+\\.)?mp\\.messaging\\.(incoming\\.[^.]+|connector\\.smallrye-kafka)\\.poll-timeout");

    @Test
    void everyServiceSetsTheShortPollTimeoutOnceForTheKafkaConnector() throws IOException {
        for (String service : SERVICES) {
            assertEquals(POLL_TIMEOUT, properties(service).getProperty(CONNECTOR_POLL_TIMEOUT),
                    service + ": every incoming channel sleeps 2 x poll-timeout when it stops");
        }
    }

    @Test
    void everyIncomingKafkaChannelKeepsItsShutdownGraceShort() throws IOException {
        List<String> channels = new ArrayList<>();
        for (String service : SERVICES) {
            Properties props = properties(service);
            for (String name : props.stringPropertyNames()) {
                Matcher m = INCOMING.matcher(name);
                if (m.matches() && "smallrye-kafka".equals(props.getProperty(name))) {
                    String channel = m.group(1);
                    channels.add(service + "/" + channel);
                    String own = props.getProperty("mp.messaging.incoming." + channel + ".poll-timeout");
                    String connector = props.getProperty(CONNECTOR_POLL_TIMEOUT);
                    int effective = own != null ? Integer.parseInt(own.trim())
                            : connector != null ? Integer.parseInt(connector.trim()) : CONNECTOR_DEFAULT;
                    assertTrue(effective <= Integer.parseInt(POLL_TIMEOUT), service + ": channel " + channel
                            + " sleeps 2 x " + effective + " ms when it stops");
                }
                if (ANY_POLL_TIMEOUT.matcher(name).matches()) {
                    assertTrue(Integer.parseInt(props.getProperty(name).trim()) <= Integer.parseInt(POLL_TIMEOUT),
                            service + ": " + name + " lengthens a channel's stop");
                }
            }
        }
        assertFalse(channels.isEmpty(), "no incoming Kafka channel found: wrong repo root?");
    }

    private static Properties properties(String service) throws IOException {
        Path file = repoRoot().resolve(service).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("service-kit"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repo root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
