package io.aigw.keys.providerkey;

import io.aigw.keys.config.KeySecrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Master-key rotation: re-wraps every data key that is still wrapped by a previous master key under the
 * current one, a batch per transaction, while the service keeps serving. Values are not re-encrypted
 * and versions do not change (nothing visible changed), so no event is published.
 */
@ApplicationScoped
public class ProviderKeyRewrapService {

    static final int BATCH = 100;

    private final ProviderKeyRepository repository;
    private final ProviderKeyCipher cipher;
    private final KeySecrets secrets;

    public ProviderKeyRewrapService(ProviderKeyRepository repository, ProviderKeyCipher cipher, KeySecrets secrets) {
        this.repository = repository;
        this.cipher = cipher;
        this.secrets = secrets;
    }

    public Uni<RewrapResponse> rewrapAll() {
        List<String> previous = secrets.previousMasterKeyIds();
        return rewrapFrom(previous, 0).chain(count -> countRemaining()
                .map(remaining -> new RewrapResponse(secrets.currentMasterKeyId(), count, remaining.intValue())));
    }

    private Uni<Integer> rewrapFrom(List<String> previous, int doneSoFar) {
        if (previous.isEmpty()) {
            return Uni.createFrom().item(doneSoFar);
        }
        return rewrapBatch(previous).chain(done -> done == 0
                ? Uni.createFrom().item(doneSoFar)
                : rewrapFrom(previous, doneSoFar + done));
    }

    @WithTransaction
    Uni<Integer> rewrapBatch(List<String> previous) {
        return repository.wrappedBy(previous, BATCH).chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> repository.replaceWrapping(row.id, row.masterKeyId,
                        rewrap(row), secrets.currentMasterKeyId()))
                .collect().asList()
                .map(updated -> updated.stream().mapToInt(Integer::intValue).sum())
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Re-wrapped %d provider-key data keys under master key %s", count,
                                secrets.currentMasterKeyId());
                    }
                }));
    }

    private byte[] rewrap(ProviderKey row) {
        try {
            return cipher.rewrap(row.id, row.wrappedDataKey, row.masterKeyId);
        } catch (VaultException e) {
            Log.errorf("Cannot re-wrap the data key of provider key %s: %s", row.id, e.getMessage());
            throw e;
        }
    }

    /** Rows not under the current master key after the run (e.g. wrapped by a key nobody configured). */
    @WithSession
    Uni<Long> countRemaining() {
        return repository.count("masterKeyId <> ?1", secrets.currentMasterKeyId());
    }
}
