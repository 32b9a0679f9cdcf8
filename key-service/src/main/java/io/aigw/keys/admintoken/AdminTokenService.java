package io.aigw.keys.admintoken;

import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.Page;
import io.aigw.keys.common.Text;
import io.aigw.keys.common.Timestamps;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.aigw.keys.security.IssuedToken;
import io.aigw.keys.security.SecretHasher;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issued admin tokens ({@code aga-<publicId>-g1-<secret>}): stored as a keyed hash like access keys,
 * shown once, revocable. Verified by a database look-up, so a revocation counts from the next request.
 */
@ApplicationScoped
public class AdminTokenService {

    public static final String ID_PREFIX = "at_";
    static final String TOKEN_PREFIX = "aga";
    private static final byte[] NO_HASH = new byte[32];

    private final AdminTokenRepository repository;
    private final SecretHasher hasher;

    public AdminTokenService(AdminTokenRepository repository, SecretHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    /** The token that asks for a new one: {@code bootstrap} (no expiry) or an issued token's id and expiry. */
    public record Creator(String id, Instant expiresAt) {

        public static final Creator BOOTSTRAP = new Creator("bootstrap", null);
    }

    /**
     * Issues a token that never outlives its creator: without {@code expiresAt} it inherits the creator's expiry,
     * and a later one is a 400.
     */
    @WithTransaction
    public Uni<AdminTokenCreatedResponse> create(AdminTokenCreateRequest body, Creator creator) {
        Instant now = Timestamps.now();
        validate(body, now);
        Instant requested = body.expiresAt() == null ? null : body.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (creator.expiresAt() != null && (requested == null || requested.isAfter(creator.expiresAt()))) {
            if (requested != null) {
                throw ProblemException.validation(FieldError.at("/expiresAt",
                        "Must not be after the expiry of the admin token that issues it (" + creator.expiresAt() + ")."));
            }
            requested = creator.expiresAt();
        }
        IssuedToken token = IssuedToken.generate(TOKEN_PREFIX);
        AdminToken row = new AdminToken();
        row.id = ID_PREFIX + token.publicId();
        row.publicId = token.publicId();
        row.secretHash = hasher.hash(token.secret());
        row.redacted = token.redacted();
        row.name = body.name();
        row.status = AdminToken.ACTIVE;
        row.expiresAt = requested;
        row.createdBy = creator.id();
        row.createdAt = now;
        row.updatedAt = now;
        return repository.persist(row).call(repository::flush)
                .map(saved -> new AdminTokenCreatedResponse(AdminTokenMapper.toResponse(saved, now), token.value()));
    }

    @WithSession
    public Uni<Page<AdminTokenResponse>> list(PageRequest page) {
        Instant now = Timestamps.now();
        return repository.page(page).map(rows -> {
            boolean more = rows.size() > page.limit();
            List<AdminToken> data = more ? rows.subList(0, page.limit()) : rows;
            AdminToken last = data.isEmpty() ? null : data.get(data.size() - 1);
            return new Page<>(data.stream().map(t -> AdminTokenMapper.toResponse(t, now)).toList(),
                    more ? PageRequest.cursorFor(last.createdAt, last.id) : null);
        });
    }

    @WithSession
    public Uni<AdminTokenResponse> get(String id) {
        return find(id).map(token -> AdminTokenMapper.toResponse(token, Timestamps.now()));
    }

    /** Revokes the token (idempotent); it stops working on the next request. */
    @WithTransaction
    public Uni<AdminTokenResponse> revoke(String id) {
        Instant now = Timestamps.now();
        return findForUpdate(id).chain(token -> {
            if (AdminToken.REVOKED.equals(token.status)) {
                return Uni.createFrom().item(AdminTokenMapper.toResponse(token, now));
            }
            token.status = AdminToken.REVOKED;
            token.updatedAt = now;
            return repository.flush().map(ignored -> AdminTokenMapper.toResponse(token, now));
        });
    }

    /** Whether a presented token is an issued, active, unexpired admin token (constant-time hash check). */
    @WithSession
    public Uni<AdminTokenVerifyResponse> verify(String presented) {
        Optional<IssuedToken> parsed = IssuedToken.parse(presented, TOKEN_PREFIX);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(AdminTokenVerifyResponse.INVALID);
        }
        IssuedToken token = parsed.get();
        return repository.findByPublicId(token.publicId()).map(row -> {
            // The HMAC is computed for unknown ids too, so both cases cost the same.
            boolean matches = hasher.matches(token.secret(), row == null ? NO_HASH : row.secretHash);
            if (row == null || !matches || !AdminToken.ACTIVE.equals(row.effectiveStatus(Timestamps.now()))) {
                return AdminTokenVerifyResponse.INVALID;
            }
            return new AdminTokenVerifyResponse(true, row.id, row.expiresAt);
        });
    }

    private static void validate(AdminTokenCreateRequest body, Instant now) {
        if (body == null) {
            throw ProblemException.validation(FieldError.at("", "A JSON object body is required."));
        }
        List<FieldError> errors = new ArrayList<>();
        Text.name(body.name(), "/name", errors);
        if (body.expiresAt() != null && !body.expiresAt().isAfter(now)) {
            errors.add(FieldError.at("/expiresAt", "Must be in the future."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private Uni<AdminToken> find(String id) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No admin token with this id."));
    }

    /** Writes lock the row: concurrent deletes queue behind the first and then find nothing (404). */
    private Uni<AdminToken> findForUpdate(String id) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No admin token with this id."));
    }
}
