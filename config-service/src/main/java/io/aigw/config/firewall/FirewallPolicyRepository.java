package io.aigw.config.firewall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class FirewallPolicyRepository implements PanacheRepositoryBase<FirewallPolicy, String> {

    /** One page ordered by name, after {@code afterName}. */
    public Uni<List<FirewallPolicy>> page(String afterName, int limit) {
        if (afterName == null) {
            return find("order by name").range(0, limit - 1).list();
        }
        return find("name > :after order by name", Parameters.with("after", afterName)).range(0, limit - 1).list();
    }

    public Uni<List<FirewallPolicy>> listByName() {
        return find("order by name").list();
    }

    /**
     * The ids among {@code ids} that exist, read {@code for share}: a write that references them holds the rows
     * until it commits, so a concurrent delete (which locks the row for update) waits and then sees the reference.
     */
    public Uni<Set<String>> existingForShare(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from firewall_policy where id in (:ids) for share", String.class)
                .setParameter("ids", ids).getResultList()).map(HashSet::new);
    }

    /** The ids of the configurations whose {@code firewall.policies} name {@code policyId}. */
    public Uni<List<String>> configurationsUsing(String policyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from configuration where jsonb_path_exists(document,"
                                + " '$.firewall.policies[*] ? (@ == $p)', jsonb_build_object('p', cast(:p as text)))"
                                + " order by id", String.class)
                .setParameter("p", policyId).getResultList());
    }

    /** Whether the gateway settings name {@code policyId} as their baseline policy. */
    public Uni<Boolean> isBaseline(String policyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from gateway_settings where document->>'firewallPolicyId' = :p", Long.class)
                .setParameter("p", policyId).getSingleResult()).map(count -> count > 0);
    }
}
