package io.aigw.gateway.limits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** The windows a budget runs over, all in UTC: a calendar day, an ISO week (Monday to Sunday), a calendar month. */
public enum BudgetWindow {
    DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly");

    private final String label;

    BudgetWindow(String label) {
        this.label = label;
    }

    /** `daily`, `weekly`, `monthly`: as in configurations, metrics and messages. */
    public String label() {
        return label;
    }

    /** The period of this window that holds {@code at}. */
    public Period period(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> new Period(this, day.toString(), day, day.plusDays(1));
            case WEEKLY -> {
                LocalDate monday = day.with(DayOfWeek.MONDAY);
                String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                        + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                yield new Period(this, week, monday, monday.plusWeeks(1));
            }
            case MONTHLY -> new Period(this, YearMonth.from(day).toString(), day.withDayOfMonth(1),
                    day.withDayOfMonth(1).plusMonths(1));
        };
    }

    /** One period: {@code id} (`2026-11-25`, `2026-W48`, `2026-11`) and its UTC days [start, end). */
    public record Period(BudgetWindow window, String id, LocalDate start, LocalDate end) {

        public Instant from() {
            return start.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant to() {
            return end.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
