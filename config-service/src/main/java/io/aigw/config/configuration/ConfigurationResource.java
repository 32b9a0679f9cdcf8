package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.outbox.OutboxRelay;
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
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /admin/v1/configurations}: access scope, routing rules and limits for access keys. */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    private final ConfigurationService service;
    private final OutboxRelay relay;

    public ConfigurationResource(ConfigurationService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @POST
    @Path("/configurations")
    public Uni<RestResponse<ConfigurationResponse>> create(JsonNode body, UriInfo uri) {
        return service.create(body).invoke(relay::wakeUp).map(created -> RestResponse.ResponseBuilder
                .<ConfigurationResponse>created(URI.create(uri.getPath() + "/" + created.id()))
                .entity(created)
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .build());
    }

    /**
     * Dry run: validates without saving; 200 with the configuration as it would be stored
     * (canonical model entries), or a 400 problem.
     */
    @POST
    @Path("/configurations:validate")
    public Uni<Map<String, Object>> validate(JsonNode body) {
        return service.validate(body).map(spec -> Map.of("valid", true, "configuration", spec));
    }

    @GET
    @Path("/configurations")
    public Uni<Page<ConfigurationResponse>> list(@QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("name") String name) {
        int size = Paging.limit(limit);
        return service.list(name == null || name.isBlank() ? null : name, cursor, size);
    }

    @GET
    @Path("/configurations/{id}")
    public Uni<RestResponse<ConfigurationResponse>> get(@PathParam("id") String id) {
        return service.get(id).map(ConfigurationResource::withETag);
    }

    @PATCH
    @Path("/configurations/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<RestResponse<ConfigurationResponse>> patch(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        long[] expected = ETags.expected(ifMatch);
        return service.patch(id, body, expected).invoke(relay::wakeUp).map(ConfigurationResource::withETag);
    }

    @DELETE
    @Path("/configurations/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long[] expected = ETags.expected(ifMatch);
        return service.delete(id, expected).invoke(relay::wakeUp).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<ConfigurationResponse> withETag(ConfigurationResponse configuration) {
        return RestResponse.ResponseBuilder.ok(configuration).header(HttpHeaders.ETAG, ETags.of(configuration.version())).build();
    }
}
