package io.aigw.keys.providerkey;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** Internal API (service token): the gateway lists provider keys and fetches decrypted values. */
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

    @GET
    @Path("{id}/value")
    public Uni<ProviderKeyValueResponse> value(@RestPath String id) {
        return service.value(id);
    }
}
