package io.aigw.gateway.usage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import org.junit.jupiter.api.Test;

/** One usage event per upstream attempt on the real `usage-events` topic, keyed by access-key id. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class UsageEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KafkaConsumer<String, String> consumerAtEnd() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor("test.usage-events").stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<JsonNode> eventsOf(KafkaConsumer<String, String> consumer, String requestId, int expected)
            throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long until = System.currentTimeMillis() + 15_000;
        while (found.size() < expected && System.currentTimeMillis() < until) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = MAPPER.readTree(r.value());
                if (requestId.equals(event.path("requestId").asText())) {
                    assertThat(r.key(), equalTo(event.path("accessKeyId").asText()));
                    found.add(event);
                }
            }
        }
        found.sort(Comparator.comparingInt(e -> e.path("attempt").asInt()));
        return found;
    }

    @Test
    void shouldPublishAnEventPerAttemptWithTokensCostAndTheFinalOne() throws Exception {
        GatewayReady.await();
        try (KafkaConsumer<String, String> consumer = consumerAtEnd()) {
            String requestId = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body("{\"model\":\"openai:usage@status=503\",\"models\":[\"gpt-4o\"],"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200).header(GatewayHeaders.ATTEMPTS, "2")
                    .extract().header(GatewayHeaders.REQUEST_ID);

            List<JsonNode> events = eventsOf(consumer, requestId, 2);
            assertThat(events.size(), equalTo(2));
            JsonNode failed = events.get(0);
            assertThat(failed.path("outcome").asText(), equalTo("failover"));
            assertThat(failed.path("final").asBoolean(), equalTo(false));
            assertThat(failed.path("status").asInt(), equalTo(503));
            assertThat(failed.path("accessKeyId").asText(), equalTo("ak_allowall01"));
            JsonNode served = events.get(1);
            assertThat(served.path("outcome").asText(), equalTo("success"));
            assertThat(served.path("final").asBoolean(), equalTo(true));
            assertThat(served.path("modelId").asText(), equalTo("gpt-4o"));
            assertThat(served.path("providerKeyId").asText(), equalTo("pk_openai1"));
            assertThat(served.path("tokens").path("estimated").asBoolean(), equalTo(false));
            assertThat(served.path("tokens").path("output").asLong(), greaterThan(0L));
            assertThat(served.path("costUsd").decimalValue().signum(), equalTo(1));
        }
    }

    @Test
    void shouldEstimateTokensWhenTheProviderReportsNoneInAStream() throws Exception {
        GatewayReady.await();
        try (KafkaConsumer<String, String> consumer = consumerAtEnd()) {
            String requestId = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body("{\"model\":\"openai:est@usage=0\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}")
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200).extract().header(GatewayHeaders.REQUEST_ID);

            List<JsonNode> events = eventsOf(consumer, requestId, 1);
            assertThat(events.size(), equalTo(1));
            JsonNode event = events.get(0);
            assertThat(event.path("streaming").asBoolean(), equalTo(true));
            assertThat(event.path("tokens").path("estimated").asBoolean(), equalTo(true));
            assertThat(event.path("tokens").path("input").asLong(), greaterThan(0L));
            assertThat(event.path("timeToFirstTokenMs").isNumber(), equalTo(true));
        }
    }
}
