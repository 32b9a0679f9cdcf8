package io.aigw.keys.providerkey;

import io.aigw.kit.auth.GatewayOnly;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Internal API (service token): the gateway lists provider keys, other services look one key up. Decrypted values
 * need the gateway token ({@link GatewayOnly}): the service token every service holds gets 403 there.
 */
@Path("/internal/v1/provider-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeyInternalResource {

    private final ProviderKeyService service;

    public ProviderKeyInternalResource(ProviderKeyService service) {
        this.service = service;
    }

    @GET
    public Uni<ProviderKeyList> list() {
        return service.internalList();
    }

    /**
     * One key's metadata (value redacted): other services ask here when their projection misses a fresh key. With
     * {@code ?lock=share} (a write about to reference the key) it answers 409 while a delete of the key is running.
     */
    @GET
    @Path("{id}")
    public Uni<ProviderKeyResponse> get(@RestPath String id, @RestQuery String lock) {
        return "share".equals(lock) ? service.getForReference(id) : service.get(id);
    }

    @GET
    @GatewayOnly
    @Path("{id}/value")
    public Uni<ProviderKeyValueResponse> value(@RestPath String id) {
        return service.value(id);
    }
}
