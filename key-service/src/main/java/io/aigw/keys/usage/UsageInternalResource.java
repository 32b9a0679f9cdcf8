package io.aigw.keys.usage;

import io.aigw.keys.error.FieldError;
import io.aigw.keys.error.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** Internal API (service token): month-to-date spend per access key, for budget enforcement. */
@Path("/internal/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageInternalResource {

    private final UsageService service;

    public UsageInternalResource(UsageService service) {
        this.service = service;
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
