package io.aigw.config.firewall;

import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the firewall policies a configuration or the gateway settings name exist, and holds their rows
 * {@code for share} until the write commits, so that a concurrent delete of one of them waits and then answers 409.
 */
@ApplicationScoped
public class FirewallReferences {

    private final FirewallPolicyRepository repository;

    public FirewallReferences(FirewallPolicyRepository repository) {
        this.repository = repository;
    }

    /** Fails with a 400 problem naming {@code pointer/<i>} (or {@code pointer} for one id) for each unknown id. */
    public Uni<Void> check(List<String> ids, String pointer, boolean indexed) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.existingForShare(ids).invoke(existing -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!existing.contains(ids.get(i))) {
                    errors.add(FieldError.at(indexed ? pointer + "/" + i : pointer,
                            "unknown firewall policy \"" + ids.get(i) + "\""));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }).replaceWithVoid();
    }
}
