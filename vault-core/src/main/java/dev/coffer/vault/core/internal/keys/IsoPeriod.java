package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An ISO-8601 duration as rotation policies write them ({@code P90D}, {@code P3M}, {@code P1Y10D},
 * {@code PT48H}, {@code P1Y2M3DT4H}): a calendar part (years, months, weeks, days) and a clock part
 * (hours, minutes, seconds). Added to an instant by calendar arithmetic in UTC, so {@code P3M} from
 * 31 January ends on 30 April (the month's last day), and {@code P1Y} from 29 February on 28 February.
 *
 * @param text     the duration as given
 * @param calendar its calendar part
 * @param clock    its clock part
 */
public record IsoPeriod(String text, Period calendar, Duration clock) {

    /**
     * @param field the field, for the message
     * @param text  the duration
     * @return it parsed
     * @throws BadParameterException if it is not a positive ISO-8601 duration
     */
    public static IsoPeriod parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw bad(field, text);
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (!s.startsWith("P") || s.length() < 3) {
            throw bad(field, text);
        }
        int t = s.indexOf('T');
        String datePart = t < 0 ? s : s.substring(0, t);
        String timePart = t < 0 ? null : s.substring(t);
        try {
            Period p = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration d = timePart == null ? Duration.ZERO : Duration.parse("P" + timePart);
            if (p.isNegative() || d.isNegative() || (p.isZero() && d.isZero())) {
                throw bad(field, text);
            }
            return new IsoPeriod(text.trim(), p, d);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(field, text);
        }
    }

    /**
     * @param from an instant
     * @return the instant this duration later, by calendar arithmetic in UTC
     */
    public Instant after(Instant from) {
        return from.atZone(ZoneOffset.UTC).plus(calendar).plus(clock).toInstant();
    }

    /**
     * @param to an instant
     * @return the instant this duration earlier, by calendar arithmetic in UTC
     */
    public Instant before(Instant to) {
        return to.atZone(ZoneOffset.UTC).minus(calendar).minus(clock).toInstant();
    }

    /**
     * @param from a reference instant
     * @param days a number of days
     * @return whether this duration, counted from {@code from}, lasts at least that many days
     */
    public boolean atLeastDays(Instant from, int days) {
        return !after(from).isBefore(from.plus(Duration.ofDays(days)));
    }

    private static BadParameterException bad(String field, String text) {
        return new BadParameterException("BadParameter", null, field + ": '" + text + "' is not a positive ISO-8601 "
                + "duration; write it like P90D, P3M, P1Y10D or PT48H.");
    }

    @Override
    public String toString() {
        return text;
    }
}
