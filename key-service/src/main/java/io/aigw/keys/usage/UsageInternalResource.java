package io.aigw.keys.usage;

import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Internal API (service token) for budget enforcement: month-to-date spend of one access key, and the spend of many
 * budget owners (keys or configurations) over given periods, which gateways rebuild and reconcile their counters from.
 */
@Path("/internal/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageInternalResource {

    private final UsageService service;

    public UsageInternalResource(UsageService service) {
        this.service = service;
    }

    /** The ledger's spend of each budget owner over its period (at most 1,000 queries a call). */
    @POST
    @Path("spend:query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SpendQuery.Response> query(SpendQuery.Request body) {
        if (body == null || body.queries() == null || body.queries().size() > 1000) {
            throw ProblemException.validation(FieldError.at("/queries", "Must be an array of at most 1000 queries."));
        }
        for (int i = 0; i < body.queries().size(); i++) {
            SpendQuery.Query q = body.queries().get(i);
            if (q == null || q.id() == null || q.from() == null || q.to() == null || !q.from().isBefore(q.to())
                    || !UsageRepository.SPEND_SCOPES.containsKey(String.valueOf(q.scope()))) {
                throw ProblemException.validation(FieldError.at("/queries/" + i,
                        "Needs scope (key or configuration), id, and from before to."));
            }
        }
        return service.spend(body.queries());
    }

    @GET
    @Path("spend")
    public Uni<SpendResponse> spend(@RestQuery String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw ProblemException.validation(FieldError.parameter("accessKeyId", "Is required."));
        }
        return service.monthToDate(accessKeyId);
    }
}
