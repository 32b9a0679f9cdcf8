package io.aigw.catalog.model;

import java.time.Instant;
import java.util.List;

/** A model as the admin API, the events and the snapshot show it (contracts.md). */
public record ModelResponse(String providerId, String modelId, String providerModelId, String displayName,
        boolean bareId, List<String> aliases, Integer contextLength, Integer maxOutputTokens,
        List<String> inputModalities, List<String> outputModalities, List<String> surfaces,
        List<String> unsupportedParameters, Pricing pricing, String status, long version, Instant createdAt,
        Instant updatedAt) {

    public static ModelResponse of(Model m) {
        return new ModelResponse(m.providerId, m.modelId, m.providerModelId, m.displayName, m.bareId, m.aliases,
                m.contextLength, m.maxOutputTokens, m.inputModalities, m.outputModalities, m.surfaces,
                m.unsupportedParameters, pricing(m), m.status, m.publicVersion(), m.createdAt, m.updatedAt);
    }

    /** The writable state of {@code m}, as a request: what a PATCH is merged onto. */
    public static ModelRequest asRequest(Model m) {
        return new ModelRequest(m.providerId, m.modelId, m.providerModelId, m.displayName, m.bareId, m.aliases,
                m.contextLength, m.maxOutputTokens, m.inputModalities, m.outputModalities, m.surfaces,
                m.unsupportedParameters, pricing(m), m.status);
    }

    static Pricing pricing(Model m) {
        return new Pricing(m.inputPerMTok, m.outputPerMTok, m.cachedInputPerMTok, m.cacheWritePerMTok, m.cacheWrite1hPerMTok,
                m.reasoningPerMTok, m.perRequest)
                .normalised();
    }

    /** Copies a validated request onto the entity. */
    public static void apply(ModelRequest r, Model m) {
        m.providerModelId = r.providerModelId();
        m.displayName = r.displayName();
        m.bareId = r.bareId();
        m.aliases = r.aliases();
        m.contextLength = r.contextLength();
        m.maxOutputTokens = r.maxOutputTokens();
        m.inputModalities = r.inputModalities();
        m.outputModalities = r.outputModalities();
        m.surfaces = r.surfaces();
        m.unsupportedParameters = r.unsupportedParameters();
        m.inputPerMTok = r.pricing().inputPerMTok();
        m.outputPerMTok = r.pricing().outputPerMTok();
        m.cachedInputPerMTok = r.pricing().cachedInputPerMTok();
        m.cacheWritePerMTok = r.pricing().cacheWritePerMTok();
        m.cacheWrite1hPerMTok = r.pricing().cacheWrite1hPerMTok();
        m.reasoningPerMTok = r.pricing().reasoningPerMTok();
        m.perRequest = r.pricing().perRequest();
        m.status = r.status();
    }
}
