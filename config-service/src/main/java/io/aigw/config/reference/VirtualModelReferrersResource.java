package io.aigw.config.reference;

import io.aigw.kit.paging.Page;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/virtual-model-referrers?name=X} (service token): the configurations whose access scope
 * ({@code access.models.allow}) names virtual model X, any case, read from the stored configurations themselves. The
 * catalog asks before it deletes X, so configurations its projection never saw (stored before it followed their
 * events) still count.
 */
@Path("/internal/v1/virtual-model-referrers")
@Produces(MediaType.APPLICATION_JSON)
public class VirtualModelReferrersResource {

    @GET
    @WithSession
    public Uni<Page<String>> referrers(@RestQuery String name) {
        if (name == null || name.isEmpty()) {
            throw ProblemException.parameter("name", "Is required.");
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from configuration c where jsonb_typeof(c.document #> '{access,models,allow}') = 'array'"
                                + " and exists (select 1 from jsonb_array_elements(c.document #> '{access,models,allow}') m"
                                + " where jsonb_typeof(m) = 'string' and lower(m #>> '{}') = lower(:name)) order by id",
                        String.class)
                .setParameter("name", name).getResultList())
                .map(ids -> new Page<>(List.copyOf(ids), null));
    }
}
