package io.aigw.keys.usage;

import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.ResponseHeader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admin API over the usage ledger (one row per upstream attempt). */
@Path("/admin/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final UsageService service;

    public UsageResource(UsageService service) {
        this.service = service;
    }

    @GET
    @Path("events")
    public Uni<Page<UsageEvent>> events(@RestQuery String from, @RestQuery String to,
            @RestQuery String accessKeyId, @RestQuery String limit, @RestQuery String cursor) {
        UsageRange range = UsageRange.parse(from, to);
        return service.events(range, accessKeyId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("overview")
    public Uni<UsageOverviewResponse> overview(@RestQuery String from, @RestQuery String to, @RestQuery String groupBy) {
        String group = groupBy == null || groupBy.isEmpty() ? "provider" : groupBy;
        QueryParams.oneOf("groupBy", group, UsageRepository.GROUP_KEYS.keySet());
        return service.overview(UsageRange.parse(from, to), group);
    }

    /**
     * Every attempt of a time range (and key) as CSV, newest first, streamed page by page: one header line, then one
     * line per event (RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with `'`).
     */
    @GET
    @Path("events.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"usage-events.csv\"")
    public Multi<String> export(@RestQuery String from, @RestQuery String to, @RestQuery String accessKeyId) {
        return service.export(UsageRange.parse(from, to), accessKeyId);
    }

    @GET
    @Path("requests/{requestId}")
    public Uni<UsageTraceResponse> trace(@RestPath String requestId) {
        return service.trace(requestId);
    }
}
