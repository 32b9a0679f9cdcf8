package io.aigw.keys.providerkey;

import static io.aigw.keys.support.TestTokens.admin;
import static io.aigw.keys.support.TestTokens.gateway;
import static io.aigw.keys.support.TestTokens.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Master-key rotation and tampering, against the real database (%test: current test-k2, previous test-k1). */
@QuarkusTest
class ProviderKeyRewrapTest {

    private static final String K1 = "tQwbCBMgjAgKVHwSHOfj6MaOFdvadqk76wYIqRskrY8=";
    private static final String K2 = "l3Zk4Y7NbUAdgxVBsGn18B3zaDR5PfPF9xQ6j57ED8c=";

    @Inject
    Pool pool;

    private Row row(String id) {
        return pool.preparedQuery("select * from provider_key where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private void store(String id, ProviderKeyCipher.Sealed sealed) {
        pool.preparedQuery("update provider_key set encrypted_value = $2, wrapped_data_key = $3, master_key_id = $4 where id = $1")
                .execute(Tuple.of(id, Buffer.buffer(sealed.encryptedValue()),
                        Buffer.buffer(sealed.wrappedDataKey()), sealed.masterKeyId()))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** REST Assured would send the colon as %3A; real clients (curl, SDKs) send it as is. */
    private static io.restassured.response.ValidatableResponse rewrap() {
        return admin().urlEncodingEnabled(false).when().post("/admin/v1/provider-keys:rewrap").then();
    }

    @Test
    void shouldRewrapKeysOfTheRetiredMasterKeyWithoutChangingValuesOrVersions() {
        String value = ProviderKeyResourceTest.uniqueValue();
        String id = ProviderKeyResourceTest.create(TestCatalog.provider("openrouter"), "legacy", value).getString("id");
        // as if it had been written before the rotation, under the retired key test-k1
        ProviderKeyCipher beforeRotation = ProviderKeyCipherTest.cipher("test-k1", K1, null);
        store(id, beforeRotation.seal(id, value));
        assertEquals("test-k1", row(id).getString("master_key_id"));
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(200)
                .body("value", equalTo(value));

        rewrap().statusCode(200)
                .body("masterKeyId", equalTo("test-k2"))
                .body("rewrapped", greaterThanOrEqualTo(1))
                .body("remaining", equalTo(0));

        assertEquals("test-k2", row(id).getString("master_key_id"));
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(200)
                .body("value", equalTo(value)).body("version", equalTo(1));
        // and the retired key alone can no longer open it
        ProviderKeyCipher retiredOnly = ProviderKeyCipherTest.cipher("test-k1", K1, null);
        Row after = row(id);
        org.junit.jupiter.api.Assertions.assertThrows(VaultException.class, () -> retiredOnly.open(id,
                after.getBuffer("encrypted_value").getBytes(), after.getBuffer("wrapped_data_key").getBytes(), "test-k1"));
        rewrap().statusCode(200).body("rewrapped", equalTo(0));
    }

    @Test
    void shouldRefuseToServeACiphertextMovedFromAnotherRow() {
        String secretA = ProviderKeyResourceTest.uniqueValue();
        String a = ProviderKeyResourceTest.create(TestCatalog.provider("openai"), "a", secretA).getString("id");
        String b = ProviderKeyResourceTest.create(TestCatalog.provider("openai"), "b", ProviderKeyResourceTest.uniqueValue()).getString("id");
        Row rowA = row(a);
        pool.preparedQuery("update provider_key set encrypted_value = $2, wrapped_data_key = $3 where id = $1")
                .execute(Tuple.of(b, Buffer.buffer(rowA.getBuffer("encrypted_value").getBytes()),
                        Buffer.buffer(rowA.getBuffer("wrapped_data_key").getBytes())))
                .await().atMost(Duration.ofSeconds(10));
        gateway().when().get("/internal/v1/provider-keys/" + b + "/value").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/internal"))
                .body(not(containsString(secretA)));
        admin().when().delete("/admin/v1/provider-keys/" + b).then().statusCode(204);
    }

    @Test
    void shouldRefuseToServeATamperedCiphertext() {
        String id = ProviderKeyResourceTest.create(TestCatalog.provider("openai"), "t", ProviderKeyResourceTest.uniqueValue()).getString("id");
        byte[] encrypted = row(id).getBuffer("encrypted_value").getBytes();
        encrypted[encrypted.length - 1] ^= 1;
        pool.preparedQuery("update provider_key set encrypted_value = $2 where id = $1")
                .execute(Tuple.of(id, Buffer.buffer(encrypted)))
                .await().atMost(Duration.ofSeconds(10));
        gateway().when().get("/internal/v1/provider-keys/" + id + "/value").then().statusCode(500)
                .body("detail", equalTo("A stored secret could not be decrypted."));
        admin().when().delete("/admin/v1/provider-keys/" + id).then().statusCode(204);
    }
}
