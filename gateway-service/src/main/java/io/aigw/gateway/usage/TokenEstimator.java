package io.aigw.gateway.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Estimates tokens (jtokkit, o200k_base) when a provider reports no usage. Counted over the JSON text of
 * the request and of the answer, so it is an upper bound of the real count. The encoding is loaded at
 * start, never on an event loop; bodies over 64 KiB are estimated as bytes / 4.
 */
@Singleton
public class TokenEstimator {

    /** Above this many bytes the estimate is bytes / 4: tokenising megabytes would stall an event loop. */
    static final int MAX_TOKENISED_BYTES = 64 * 1024;

    private volatile Encoding encoding;

    void load(@Observes StartupEvent event) {
        encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** Tokens of the whole text, however long (a worst-case bound for budgets; large texts belong on a worker thread). */
    public long countExactly(byte[] utf8, int length) {
        Encoding e = encoding;
        if (e == null || length == 0) {
            return length;
        }
        return e.countTokensOrdinary(new String(utf8, 0, length, StandardCharsets.UTF_8));
    }

    public long count(byte[] utf8, int length) {
        Encoding e = encoding;
        if (e == null || length == 0 || length > MAX_TOKENISED_BYTES) {
            return length / 4;
        }
        return e.countTokensOrdinary(new String(utf8, 0, length, StandardCharsets.UTF_8));
    }
}
