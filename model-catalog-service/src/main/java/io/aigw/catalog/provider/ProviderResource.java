package io.aigw.catalog.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.catalog.importer.ImportResult;
import io.aigw.catalog.importer.ModelImportService;
import io.aigw.kit.outbox.OutboxRelay;
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
 * {@code /admin/v1/providers}: built-in and custom providers. One provider carries {@code ETag} = its version;
 * PATCH and DELETE honour an optional {@code If-Match} (stale → 412).
 */
@Path("/admin/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class ProviderResource {

    private final ProviderService service;
    private final ModelImportService importer;
    private final OutboxRelay relay;

    public ProviderResource(ProviderService service, ModelImportService importer, OutboxRelay relay) {
        this.service = service;
        this.importer = importer;
        this.relay = relay;
    }

    @GET
    public Uni<Page<ProviderResponse>> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<ProviderResponse>> get(@RestPath String id) {
        return service.get(id).map(ProviderResource::withETag);
    }

    @POST
    public Uni<RestResponse<ProviderResponse>> create(ProviderRequest request) {
        return service.create(request).invoke(relay::wakeUp)
                .map(p -> RestResponse.ResponseBuilder.<ProviderResponse>created(URI.create("/admin/v1/providers/" + p.id()))
                        .header(HttpHeaders.ETAG, ETags.of(p.version())).entity(p).build());
    }

    @PATCH
    @Path("{id}")
    public Uni<RestResponse<ProviderResponse>> patch(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            JsonNode patch) {
        long[] expected = ETags.expected(ifMatch);
        return service.patch(id, patch, expected).invoke(relay::wakeUp).map(ProviderResource::withETag);
    }

    /**
     * {@code POST /admin/v1/providers/{id}/models:import} with OpenRouter's {@code /api/v1/models} document as
     * the body (the operator downloads it; this service needs no internet). Meant for {@code openrouter}; works
     * for any provider whose model listing has that shape. Lives here because RESTEasy matches the
     * {@code /admin/v1/providers} prefix to this class.
     */
    @POST
    @Path("{id}/models:import")
    public Uni<ImportResult> importModels(@RestPath String id, JsonNode document) {
        return importer.importOpenRouter(id, document).invoke(relay::wakeUp);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        long[] expected = ETags.expected(ifMatch);
        return service.delete(id, expected).invoke(relay::wakeUp).map(v -> RestResponse.noContent());
    }

    private static RestResponse<ProviderResponse> withETag(ProviderResponse provider) {
        return RestResponse.ResponseBuilder.ok(provider).header(HttpHeaders.ETAG, ETags.of(provider.version())).build();
    }
}
