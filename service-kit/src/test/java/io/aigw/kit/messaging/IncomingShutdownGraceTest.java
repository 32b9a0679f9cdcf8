package io.aigw.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Every service's incoming Kafka channel therefore sets {@link #POLL_TIMEOUT} (a 0.5 s grace): what a handler is still
 * applying when the grace ends is read again after the restart, which the version checks of every consumer already
 * allow. Reads each service's application.properties from the repo root, like the golden event fixtures.
 */
class IncomingShutdownGraceTest {

    static final String POLL_TIMEOUT = "250";
    private static final List<String> SERVICES = List.of("key-service", "config-service", "model-catalog-service",
            "gateway-service");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

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
                    assertEquals(POLL_TIMEOUT, props.getProperty("mp.messaging.incoming." + channel + ".poll-timeout"),
                            service + ": channel " + channel + " sleeps 2 x poll-timeout when it stops");
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
