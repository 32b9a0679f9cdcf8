package io.aigw.kit.projection;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Provided by each service, one per followed topic: applies an event to its projection tables (in its own
 * transaction) and answers whether it changed anything. Upserts use {@link #VERSION_GUARD} ({@link ProjectionUpsert}
 * runs them). A service whose projection service applies several topics produces one handler per topic with
 * {@link #on} rather than writing an adapter class for each.
 */
public interface ProjectionHandler {

    /**
     * The {@code on conflict … do update … where} clause of every projection upsert (table alias {@code t}): an
     * event applies only when newer, or when a {@code created} event revives a deleted id (a re-created aggregate
     * starts again at version 1). Binds {@code :created}.
     */
    String VERSION_GUARD = " where t.version < excluded.version or (t.deleted and not excluded.deleted and :created)";

    String topic();

    Uni<Boolean> apply(ChangeEvent event);

    /**
     * The handler of {@code topic} that calls {@code apply}, for a static {@code @Produces} method of the service's
     * projection service: {@code static ProjectionHandler catalogChanges(ProjectionService projections) { return
     * ProjectionHandler.on("catalog-changes", projections::applyCatalog); }}. The parameter is the bean's client proxy,
     * so the apply method's {@code @WithTransaction} holds (a method reference to {@code this} would bypass it).
     */
    static ProjectionHandler on(String topic, Function<ChangeEvent, Uni<Boolean>> apply) {
        return new ProjectionHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public Uni<Boolean> apply(ChangeEvent event) {
                return apply.apply(event);
            }
        };
    }
}
