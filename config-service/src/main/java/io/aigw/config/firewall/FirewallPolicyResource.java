package io.aigw.config.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.outbox.OutboxRelay;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /admin/v1/firewall-policies}: rules the gateway applies to requests and to the tool calls models return. */
@Path("/admin/v1/firewall-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FirewallPolicyResource {

    private final FirewallPolicyService service;
    private final OutboxRelay relay;

    public FirewallPolicyResource(FirewallPolicyService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @POST
    public Uni<RestResponse<FirewallPolicyResponse>> create(JsonNode body, UriInfo uri) {
        return service.create(body).invoke(relay::wakeUp).map(created -> RestResponse.ResponseBuilder
                .<FirewallPolicyResponse>created(URI.create(uri.getPath() + "/" + created.id()))
                .entity(created).header(HttpHeaders.ETAG, ETags.of(created.version())).build());
    }

    @GET
    public Uni<Page<FirewallPolicyResponse>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(cursor, Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<FirewallPolicyResponse>> get(@PathParam("id") String id) {
        return service.get(id).map(FirewallPolicyResource::withETag);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<RestResponse<FirewallPolicyResponse>> patch(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        return service.patch(id, body, ETags.expected(ifMatch)).invoke(relay::wakeUp)
                .map(FirewallPolicyResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(id, ETags.expected(ifMatch)).invoke(relay::wakeUp).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<FirewallPolicyResponse> withETag(FirewallPolicyResponse policy) {
        return RestResponse.ResponseBuilder.ok(policy).header(HttpHeaders.ETAG, ETags.of(policy.version())).build();
    }
}
