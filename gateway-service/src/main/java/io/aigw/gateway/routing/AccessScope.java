package io.aigw.gateway.routing;

import java.util.List;
import java.util.Set;

/**
 * What an access key may call. A null set is no restriction; an empty one allows nothing. Model
 * entries are canonical addresses; an entry ending in `*` allows every address with that prefix.
 */
public record AccessScope(Set<String> providers, Set<String> models, List<String> modelPrefixes) {

    public static final AccessScope ALLOW_ALL = new AccessScope(null, null, List.of());

    public boolean allowsProvider(String providerId) {
        return providers == null || providers.contains(providerId);
    }

    public boolean allowsModel(String canonicalAddress) {
        if (models == null || models.contains(canonicalAddress)) {
            return true;
        }
        for (String prefix : modelPrefixes) {
            if (canonicalAddress.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
