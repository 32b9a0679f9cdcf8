package io.aigw.gateway.routing;

/** The look-ups that model-address parsing needs; the routing snapshot answers them from maps. */
public interface ModelDirectory {

    /** The active provider with this id, or null. */
    Provider provider(String providerId);

    /** The provider's catalog model with this model id or alias (exact, else case-insensitive), or null. */
    CatalogModel model(String providerId, String modelId);

    /** The model addressable by this bare id or alias, case-insensitive, or null. */
    CatalogModel bareModel(String id);

    /** A catalog model of any provider whose own id is this slash id (case-insensitive), or null. */
    CatalogModel modelWithSlashId(String id);
}
