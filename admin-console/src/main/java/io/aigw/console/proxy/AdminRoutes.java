package io.aigw.console.proxy;

import java.util.List;
import java.util.Optional;

/**
 * The route table, declared once: which service owns each {@code /admin/v1} resource. The outbox dead letters exist
 * in every owner, so they are reached per service: {@code /admin/v1/services/<owner>/outbox/dead-letters}.
 */
public final class AdminRoutes {

    public static final List<AdminRoute> TABLE = List.of(
            AdminRoute.to("key", "/admin/v1/access-keys"),
            AdminRoute.to("key", "/admin/v1/provider-keys"),
            AdminRoute.to("key", "/admin/v1/admin-tokens"),
            AdminRoute.to("key", "/admin/v1/usage"),
            AdminRoute.to("config", "/admin/v1/configurations"),
            AdminRoute.to("config", "/admin/v1/firewall-policies"),
            AdminRoute.to("config", "/admin/v1/gateway-settings"),
            AdminRoute.to("catalog", "/admin/v1/providers"),
            AdminRoute.to("catalog", "/admin/v1/models"),
            AdminRoute.to("catalog", "/admin/v1/virtual-models"),
            AdminRoute.to("catalog", "/admin/v1/bare-ids"),
            new AdminRoute("/admin/v1/services/key/outbox", "key", "/admin/v1/outbox"),
            new AdminRoute("/admin/v1/services/config/outbox", "config", "/admin/v1/outbox"),
            new AdminRoute("/admin/v1/services/catalog/outbox", "catalog", "/admin/v1/outbox"));

    private AdminRoutes() {
    }

    /** The route for a normalised path, or empty when no service owns it. */
    public static Optional<AdminRoute> find(String path) {
        return TABLE.stream().filter(route -> route.matches(path)).findFirst();
    }
}
