package io.aigw.keys.usage;

import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.Page;
import io.aigw.keys.common.Timestamps;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Reads of the usage ledger for the admin and internal APIs. */
@ApplicationScoped
public class UsageService {

    private final UsageRepository repository;

    public UsageService(UsageRepository repository) {
        this.repository = repository;
    }

    public Uni<Page<UsageEvent>> events(UsageRange range, String accessKeyId, PageRequest page) {
        if (page.hasCursor()) {
            try {
                java.util.UUID.fromString(page.afterId());
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation(FieldError.parameter("cursor", "Not a cursor returned by this API."));
            }
        }
        return repository.page(range.from(), range.to(), accessKeyId, page).map(rows -> {
            boolean more = rows.size() > page.limit();
            List<UsageEvent> data = more ? rows.subList(0, page.limit()) : rows;
            UsageEvent last = data.isEmpty() ? null : data.get(data.size() - 1);
            return new Page<>(data, more ? PageRequest.cursorFor(last.occurredAt(), last.eventId().toString()) : null);
        });
    }

    /** The CSV export: its header, then pages of {@link UsageCsv#PAGE} events until the range is exhausted. */
    public Multi<String> export(UsageRange range, String accessKeyId) {
        AtomicReference<PageRequest> next = new AtomicReference<>(new PageRequest(UsageCsv.PAGE, null, null));
        Multi<String> pages = Multi.createBy().repeating()
                .uni(() -> repository.page(range.from(), range.to(), accessKeyId, next.get()).map(rows -> {
                    boolean more = rows.size() > UsageCsv.PAGE;
                    List<UsageEvent> page = more ? rows.subList(0, UsageCsv.PAGE) : rows;
                    UsageEvent last = page.isEmpty() ? null : page.get(page.size() - 1);
                    next.set(more ? new PageRequest(UsageCsv.PAGE, last.occurredAt(), last.eventId().toString()) : null);
                    return UsageCsv.lines(page);
                }))
                .whilst(lines -> next.get() != null);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(UsageCsv.HEADER), pages);
    }

    public Uni<UsageOverviewResponse> overview(UsageRange range, String groupBy) {
        return repository.overview(range.from(), range.to(), groupBy).chain(buckets -> repository
                .totals(range.from(), range.to(), null, null)
                .map(totals -> new UsageOverviewResponse(range.from(), range.to(), groupBy, buckets, totals)));
    }

    public Uni<UsageTraceResponse> trace(String requestId) {
        return repository.trace(requestId).map(attempts -> {
            if (attempts.isEmpty()) {
                throw ProblemException.notFound("No usage recorded for this request id.");
            }
            return new UsageTraceResponse(requestId, attempts);
        });
    }

    public Uni<SpendQuery.Response> spend(List<SpendQuery.Query> queries) {
        return repository.spend(queries).map(SpendQuery.Response::new);
    }

    /** Spend of the current UTC calendar month up to now. */
    public Uni<SpendResponse> monthToDate(String accessKeyId) {
        Instant now = Timestamps.now();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return repository.totals(start, now.plusSeconds(3600), "access_key_id", accessKeyId)
                .map(t -> new SpendResponse(accessKeyId, month.toString(), start, t.costUsd(), t.requests()));
    }
}
