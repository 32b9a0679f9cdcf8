package io.aigw.kit.auth;

import io.aigw.kit.KitConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bootstrap admin token, the service token and (where a {@link GatewayOnly} endpoint lives) the gateway token;
 * presented tokens are compared in constant time.
 */
@ApplicationScoped
public class ServiceTokens {

    private final byte[] adminToken;
    private final byte[] serviceToken;
    private final byte[] gatewayToken;

    public ServiceTokens(KitConfig config) {
        this.adminToken = bytes(config.adminToken());
        this.serviceToken = bytes(config.serviceToken());
        this.gatewayToken = bytes(config.gatewayToken());
    }

    void refuseToStartWithoutTokens(@Observes StartupEvent event) {
        if (adminToken.length == 0) {
            throw new IllegalStateException("AIGW_ADMIN_TOKEN is not set: refusing to start without an admin token");
        }
        if (serviceToken.length == 0) {
            throw new IllegalStateException("AIGW_SERVICE_TOKEN is not set: refusing to start without a service token");
        }
    }

    public boolean isAdmin(String presented) {
        return matches(adminToken, presented);
    }

    public boolean isService(String presented) {
        return matches(serviceToken, presented);
    }

    /** The gateway's token; always false where none is configured. */
    public boolean isGateway(String presented) {
        return matches(gatewayToken, presented);
    }

    /** {@code Bearer <service token>}, for calls to another service's internal API. */
    public String serviceAuthorization() {
        return "Bearer " + new String(serviceToken, StandardCharsets.UTF_8);
    }

    private static boolean matches(byte[] expected, String presented) {
        if (expected.length == 0 || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Optional<String> token) {
        return token.map(String::strip).orElse("").getBytes(StandardCharsets.UTF_8);
    }
}
