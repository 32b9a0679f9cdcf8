package io.aigw.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Refuses to start without the secrets the data plane needs, naming the variables (never values). */
public class StartupCheck {

    void check(@Observes StartupEvent event, GatewayConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.serviceToken().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("AIGW_SERVICE_TOKEN (aigw.gateway.service-token) is not set");
        }
        if (config.gatewayToken().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("AIGW_GATEWAY_TOKEN (aigw.gateway.gateway-token) is not set");
        }
        if (config.keyPepper().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("AIGW_KEY_PEPPER (aigw.gateway.key-pepper) is not set");
        } else {
            try {
                Base64.getDecoder().decode(config.keyPepper().get().trim());
            } catch (IllegalArgumentException e) {
                problems.add("AIGW_KEY_PEPPER is not valid base64");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("gateway-service cannot start: " + String.join("; ", problems));
        }
    }
}
