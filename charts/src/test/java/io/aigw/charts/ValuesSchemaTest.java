package io.aigw.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json refuses what would install a broken suite, before any template runs. */
class ValuesSchemaTest {

    private static final String VALID = """
            secrets:
              adminToken: ci-admin-token-0123456789
              serviceToken: ci-service-token-0123456789
              gatewayToken: ci-gateway-token-0123456789
              keyPepper: Y2ktcGVwcGVyLTAxMjM0NTY3ODlhYmNkZWY=
              masterKey: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=
            externalKafka:
              bootstrapServers: kafka.data.svc:9092
            externalDatabase:
              host: postgres.data.svc
              password: ci-db-password
            externalRedis:
              host: redis.data.svc
            """;

    @TempDir
    Path dir;

    @Test
    void shouldAcceptTheValidBaseline() throws IOException {
        String rendered = AigwChart.template(write("valid", VALID));

        assertTrue(rendered.contains("kind: Deployment"));
    }

    @Test
    void shouldRejectValuesWithNeitherAMasterKeyNorAnExistingSecret() throws IOException {
        String values = VALID.replace("  masterKey: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n", "");

        assertSchemaRejects(values, "masterKey");
    }

    @Test
    void shouldRejectAMasterKeyThatIsNot32BytesOfBase64() throws IOException {
        String values = VALID.replace("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "too-short");

        assertSchemaRejects(values, "masterKey");
    }

    @Test
    void shouldRejectADatabaseWithNeitherAPasswordNorAnExistingSecret() throws IOException {
        String values = VALID.replace("  password: ci-db-password\n", "");

        assertSchemaRejects(values, "password");
    }

    @Test
    void shouldRejectAStringWhereANumberBelongs() throws IOException {
        String values = VALID + "  port: five-four-three-two\n";

        assertSchemaRejects(values, "port");
    }

    @Test
    void shouldRejectExternalKafkaMissingWhileTheTrialKafkaIsOff() throws IOException {
        String values = VALID.replace("externalKafka:\n  bootstrapServers: kafka.data.svc:9092\n", "");

        assertSchemaRejects(values, "bootstrapServers");
    }

    @Test
    void shouldRejectAMissingGatewayToken() throws IOException {
        String values = VALID.replace("  gatewayToken: ci-gateway-token-0123456789\n", "");

        assertSchemaRejects(values, "gatewayToken");
    }

    @Test
    void shouldRejectAMisspelledTopLevelBlock() throws IOException {
        String values = VALID + "gatway:\n  replicaCount: 3\n";

        assertSchemaRejects(values, "gatway");
    }

    private void assertSchemaRejects(String values, String expectedInMessage) throws IOException {
        Path file = write("broken", values);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> AigwChart.template(file));

        assertTrue(error.getMessage().contains("schema"), error.getMessage());
        assertTrue(error.getMessage().contains(expectedInMessage), error.getMessage());
    }

    private Path write(String name, String values) throws IOException {
        return Files.writeString(Files.createTempFile(dir, name, "-values.yaml"), values);
    }
}
