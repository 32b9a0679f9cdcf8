package io.aigw.catalog.snapshot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The whole catalog as one JSON document, cheap at 10,000 models: one query per table in a single read-only,
 * repeatable-read transaction (so {@code version} and the rows agree), where PostgreSQL renders each table as
 * one JSON array in the exact shape of {@code ProviderResponse} / {@code ModelResponse} /
 * {@code VirtualModelResponse} (contracts.md); the
 * service only concatenates the pieces. {@code CatalogSnapshotTest} checks the shape against the admin API.
 */
@ApplicationScoped
public class CatalogSnapshotService {

    private static final String TS = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    static final String PROVIDERS = "select coalesce(json_agg(json_build_object("
            + "'id', id, 'displayName', display_name, 'baseUrl', base_url, 'authScheme', auth_scheme, "
            + "'extraHeaders', extra_headers, 'builtIn', built_in, 'keyRequired', key_required, "
            + "'allowPassThroughModels', allow_pass_through_models, 'website', website, 'status', status, "
            + "'surfaces', to_json(surfaces), 'defaultPricing', default_pricing, 'version', version + 1, "
            + "'createdAt', " + TS.formatted("created_at") + ", 'updatedAt', " + TS.formatted("updated_at")
            + ") order by id), '[]')::text from provider";

    static final String MODELS = "select coalesce(json_agg(json_build_object("
            + "'providerId', provider_id, 'modelId', model_id, 'providerModelId', provider_model_id, "
            + "'displayName', display_name, 'bareId', bare_id, 'aliases', to_json(aliases), "
            + "'contextLength', context_length, 'maxOutputTokens', max_output_tokens, "
            + "'inputModalities', to_json(input_modalities), 'outputModalities', to_json(output_modalities), "
            + "'surfaces', to_json(surfaces), 'unsupportedParameters', to_json(unsupported_parameters), "
            + "'pricing', json_build_object('inputPerMTok', trim_scale(input_per_mtok), "
            + "'outputPerMTok', trim_scale(output_per_mtok), 'cachedInputPerMTok', trim_scale(cached_input_per_mtok), "
            + "'cacheWritePerMTok', trim_scale(cache_write_per_mtok), "
            + "'cacheWrite1hPerMTok', trim_scale(cache_write_1h_per_mtok), "
            + "'reasoningPerMTok', trim_scale(reasoning_per_mtok), 'perRequest', trim_scale(per_request)), "
            + "'status', status, 'version', version + 1, "
            + "'createdAt', " + TS.formatted("created_at") + ", 'updatedAt', " + TS.formatted("updated_at")
            + ") order by id), '[]')::text from model";

    static final String VIRTUAL_MODELS = "select coalesce(json_agg(json_build_object("
            + "'name', name, 'description', description, 'targets', to_json(targets), 'version', version + 1, "
            + "'createdAt', " + TS.formatted("created_at") + ", 'updatedAt', " + TS.formatted("updated_at")
            + ") order by name), '[]')::text from virtual_model";

    private final Pool pool;

    public CatalogSnapshotService(Pool pool) {
        this.pool = pool;
    }

    /** The snapshot document as JSON text. */
    public Uni<String> snapshot() {
        return pool.withTransaction(conn -> conn
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> single(conn, "select coalesce(max(seq), 0)::text from outbox_event"))
                .chain(version -> single(conn, PROVIDERS)
                        .chain(providers -> single(conn, MODELS)
                                .chain(models -> single(conn, VIRTUAL_MODELS)
                                        .map(virtual -> "{\"version\":" + version + ",\"generatedAt\":\""
                                                + Instant.now() + "\",\"providers\":" + providers + ",\"models\":"
                                                + models + ",\"virtualModels\":" + virtual + "}")))));
    }

    private static Uni<String> single(SqlConnection conn, String sql) {
        return conn.query(sql).execute().map(rows -> rows.iterator().next().getString(0));
    }
}
