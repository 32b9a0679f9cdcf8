package io.aigw.gateway.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The JSON of an access-key record: as key-service's internal API answers it, and as Redis holds it (the
 * same fields, only those the gateway uses, with `secretHash` base64 and `version`; or a stale marker; or
 * `{"unknown":true}`).
 */
@Singleton
public class AccessKeyDocuments {

    private final ObjectMapper mapper;

    public AccessKeyDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Key-service's answer as a record; fails with a message that quotes nothing of the body. */
    AccessKeyRecord parse(byte[] json) {
        try {
            return toRecord(mapper.readValue(json, Doc.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("key-service sent an access key that does not parse");
        }
    }

    /**
     * A Redis entry: the record (empty for a remembered unknown id) with when key-service last confirmed it
     * (0 after a change event merged into it), or null when it must be fetched again.
     */
    AccessKeyStore.Cached cached(String json) {
        try {
            Doc doc = mapper.readValue(json, Doc.class);
            if (Boolean.TRUE.equals(doc.unknown())) {
                return new AccessKeyStore.Cached(Optional.empty(), Long.MAX_VALUE);
            }
            if (Boolean.TRUE.equals(doc.stale()) || doc.secretHash() == null || doc.publicId() == null) {
                return null;
            }
            return new AccessKeyStore.Cached(Optional.of(toRecord(doc)), doc.fetchedAt() == null ? 0 : doc.fetchedAt());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The Redis entry of a record. */
    String stored(AccessKeyRecord record) {
        return write(new Doc(record.id(), record.publicId(), record.configurationId(), record.status(),
                record.expiresAt() == null ? null : record.expiresAt().toString(),
                Base64.getEncoder().encodeToString(record.secretHash()), record.version(), System.currentTimeMillis(),
                null, null));
    }

    /** The fields of an event's record that may be merged into a Redis entry (the event carries no secret). */
    String mergeable(ObjectNode data) {
        return write(new Doc(text(data, "id"), text(data, "publicId"), text(data, "configurationId"),
                text(data, "status"), text(data, "expiresAt"), null, null, null, null, null));
    }

    private AccessKeyRecord toRecord(Doc doc) {
        return new AccessKeyRecord(doc.id(), doc.publicId(), doc.configurationId(), doc.status(),
                doc.expiresAt() == null ? null : Instant.parse(doc.expiresAt()),
                doc.secretHash() == null ? new byte[0] : Base64.getDecoder().decode(doc.secretHash()),
                doc.version() == null ? 0 : doc.version());
    }

    private String write(Doc doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("access-key entry does not serialise", e);
        }
    }

    private static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Doc(String id, String publicId, String configurationId, String status, String expiresAt, String secretHash,
            Long version, Long fetchedAt, Boolean stale, Boolean unknown) {
    }
}
