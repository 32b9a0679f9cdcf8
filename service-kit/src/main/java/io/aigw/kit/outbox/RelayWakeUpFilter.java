package io.aigw.kit.outbox;

import io.aigw.kit.auth.TokenFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Wakes the relay after every successful admin write, so events leave within milliseconds. */
public class RelayWakeUpFilter {

    private final OutboxRelay relay;

    public RelayWakeUpFilter(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) && response.getStatus() < 300
                && TokenFilter.under(request.getUriInfo().getPath(), "/admin")) {
            relay.wakeUp();
        }
    }
}
