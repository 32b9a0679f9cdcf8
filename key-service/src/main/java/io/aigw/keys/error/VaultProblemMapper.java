package io.aigw.keys.error;

import io.aigw.keys.providerkey.VaultException;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** key-service's own failure: a stored secret that cannot be decrypted. Every other failure: the kit's mapper. */
public class VaultProblemMapper {

    @ServerExceptionMapper
    public Response vault(VaultException e, UriInfo uri) {
        Log.errorf("Vault failure on %s: %s", uri.getPath(), e.getMessage());
        ProblemException problem = new ProblemException(500, "internal", "Internal error",
                "A stored secret could not be decrypted.", null);
        return Response.status(500).type(io.aigw.kit.problem.Problem.MEDIA_TYPE)
                .entity(problem.toProblem(uri.getPath())).build();
    }
}
