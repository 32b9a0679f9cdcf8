package io.aigw.keys.providerkey;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /admin/v1/provider-keys:rewrap}: run after rotating AIGW_MASTER_KEY (old key in AIGW_PREVIOUS_MASTER_KEYS). */
@Path("/admin/v1/provider-keys:rewrap")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeyRewrapResource {

    private final ProviderKeyRewrapService rewrap;

    public ProviderKeyRewrapResource(ProviderKeyRewrapService rewrap) {
        this.rewrap = rewrap;
    }

    /** Re-wraps every data key still under a previous master key; idempotent. */
    @POST
    public Uni<RewrapResponse> rewrapAll() {
        return rewrap.rewrapAll();
    }
}
