package io.aigw.gateway.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** key-service's access-key record (its golden snapshot fixture) read the way the gateway reads it. */
class AccessKeyRecordContractTest {

    private static final Path FIXTURE = Path.of("../key-service/src/test/resources/snapshots/access-key-snapshot.v1.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldReadAnAccessKeyRecordWithItsSecretHash() throws Exception {
        assumeTrue(Files.exists(FIXTURE), "access-key fixture not written yet");
        JsonNode first = MAPPER.readTree(FIXTURE.toFile()).withArray("accessKeys").get(0);
        AccessKeyRecord record = new AccessKeyDocuments(MAPPER).parse(MAPPER.writeValueAsBytes(first));
        assertThat(record.publicId(), notNullValue());
        assertThat(record.status(), notNullValue());
        assertThat(record.secretHash().length, equalTo(32));
        assertThat(record.version(), equalTo(first.get("version").asLong()));
        assertThat(AccessKeyToken.parse("ag-" + record.publicId() + "-g1-secret").publicId(), equalTo(record.publicId()));
    }
}
