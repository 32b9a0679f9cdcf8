package io.aigw.keys.providerkey;

import io.aigw.keys.config.KeySecrets;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start when stored provider keys are wrapped by a master key that is not configured:
 * better than serving keys that cannot be decrypted.
 */
@Singleton
public class MasterKeyStartupCheck {

    void check(@Observes StartupEvent event, Pool pool, KeySecrets secrets) {
        List<String> unknown = new ArrayList<>();
        for (Row row : pool.query("select distinct master_key_id from provider_key").execute()
                .await().atMost(Duration.ofSeconds(30))) {
            String id = row.getString(0);
            if (!secrets.knowsMasterKey(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("key-service cannot start: provider keys are wrapped by master key id(s) "
                    + unknown + " which are not configured; set AIGW_MASTER_KEY/AIGW_MASTER_KEY_ID or add them to "
                    + "AIGW_PREVIOUS_MASTER_KEYS");
        }
    }
}
