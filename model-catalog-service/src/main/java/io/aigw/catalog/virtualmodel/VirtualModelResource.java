package io.aigw.catalog.virtualmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.outbox.OutboxRelay;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/v1/virtual-models}: operator-defined names standing for ordered lists of target models. One virtual
 * model carries {@code ETag} = its version; PATCH and DELETE honour an optional {@code If-Match} (stale → 412).
 */
@Path("/admin/v1/virtual-models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class VirtualModelResource {

    private final VirtualModelService service;
    private final OutboxRelay relay;

    public VirtualModelResource(VirtualModelService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @GET
    public Uni<Page<VirtualModelResponse>> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("{name}")
    public Uni<RestResponse<VirtualModelResponse>> get(@RestPath String name) {
        return service.get(name).map(VirtualModelResource::withETag);
    }

    @POST
    public Uni<RestResponse<VirtualModelResponse>> create(VirtualModelRequest request) {
        return service.create(request).invoke(relay::wakeUp)
                .map(v -> RestResponse.ResponseBuilder.<VirtualModelResponse>created(
                        URI.create("/admin/v1/virtual-models/" + v.name()))
                        .header(HttpHeaders.ETAG, ETags.of(v.version())).entity(v).build());
    }

    @PATCH
    @Path("{name}")
    public Uni<RestResponse<VirtualModelResponse>> patch(@RestPath String name, @RestHeader("If-Match") String ifMatch,
            JsonNode patch) {
        long[] expected = ETags.expected(ifMatch);
        return service.patch(name, patch, expected).invoke(relay::wakeUp).map(VirtualModelResource::withETag);
    }

    @DELETE
    @Path("{name}")
    public Uni<RestResponse<Void>> delete(@RestPath String name, @RestHeader("If-Match") String ifMatch) {
        long[] expected = ETags.expected(ifMatch);
        return service.delete(name, expected).invoke(relay::wakeUp).map(v -> RestResponse.noContent());
    }

    private static RestResponse<VirtualModelResponse> withETag(VirtualModelResponse v) {
        return RestResponse.ResponseBuilder.ok(v).header(HttpHeaders.ETAG, ETags.of(v.version())).build();
    }
}
