package io.aigw.catalog.model;

import io.aigw.kit.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /admin/v1/bare-ids}: every bare id and where it resolves, ordered case-insensitively. */
@Path("/admin/v1/bare-ids")
@Produces(MediaType.APPLICATION_JSON)
public class BareIdResource {

    private final BareIdService service;

    public BareIdResource(BareIdService service) {
        this.service = service;
    }

    @GET
    public Uni<Page<BareIdResponse>> list(@RestQuery String q, @RestQuery String limit, @RestQuery String cursor) {
        return service.list(q, cursor, limit);
    }
}
