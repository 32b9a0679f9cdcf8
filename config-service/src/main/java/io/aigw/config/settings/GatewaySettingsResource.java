package io.aigw.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /admin/v1/gateway-settings}: one document; PUT replaces it, PATCH changes the fields given. */
@Path("/admin/v1/gateway-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GatewaySettingsResource {

    private final GatewaySettingsService service;
    private final OutboxRelay relay;

    public GatewaySettingsResource(GatewaySettingsService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @GET
    public Uni<RestResponse<GatewaySettingsResponse>> get() {
        return service.get().map(GatewaySettingsResource::withETag);
    }

    @PUT
    public Uni<RestResponse<GatewaySettingsResponse>> replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        long[] expected = ETags.expected(ifMatch);
        return service.update(body, true, expected).invoke(relay::wakeUp).map(GatewaySettingsResource::withETag);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<RestResponse<GatewaySettingsResponse>> patch(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        long[] expected = ETags.expected(ifMatch);
        return service.update(body, false, expected).invoke(relay::wakeUp).map(GatewaySettingsResource::withETag);
    }

    private static RestResponse<GatewaySettingsResponse> withETag(GatewaySettingsResponse settings) {
        return RestResponse.ResponseBuilder.ok(settings).header(HttpHeaders.ETAG, ETags.of(settings.version())).build();
    }
}
