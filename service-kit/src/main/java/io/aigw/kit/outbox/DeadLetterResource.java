package io.aigw.kit.outbox;

import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/v1/outbox/dead-letters}: the events this service could not publish. {@code POST …/{seq}:retry}
 * puts one back into the outbox.
 */
@Path("/admin/v1/outbox/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final OutboxRelay relay;

    public DeadLetterResource(DeadLetters deadLetters, OutboxRelay relay) {
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    @GET
    public Uni<Page<DeadLetter>> list(@RestQuery String limit) {
        return deadLetters.list(Paging.limit(limit)).map(letters -> new Page<>(letters, null));
    }

    @POST
    @Path("{seq}:retry")
    public Uni<RestResponse<Void>> retry(@RestPath String seq) {
        long number;
        try {
            number = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No such dead letter.");
        }
        return deadLetters.retry(number).map(found -> {
            if (!found) {
                throw ProblemException.notFound("No such dead letter.");
            }
            relay.wakeUp();
            return RestResponse.<Void>accepted();
        });
    }
}
