package dev.coffer.vault.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ISO-8601 periods as rotation policies use them: calendar arithmetic in UTC, and what is refused. */
class IsoPeriodTest {
    private static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void calendarArithmeticWithMonthsAndYears() {
        assertThat(IsoPeriod.parse("f", "P3M").after(JAN_31)).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
        assertThat(IsoPeriod.parse("f", "P1M").after(JAN_31)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(IsoPeriod.parse("f", "P1Y10D").after(JAN_31)).isEqualTo(Instant.parse("2027-02-10T10:00:00Z"));
        assertThat(IsoPeriod.parse("f", "P90D").after(JAN_31)).isEqualTo(JAN_31.plus(Duration.ofDays(90)));
        assertThat(IsoPeriod.parse("f", "PT48H").after(JAN_31)).isEqualTo(JAN_31.plus(Duration.ofHours(48)));
        assertThat(IsoPeriod.parse("f", "P1DT12H").after(JAN_31)).isEqualTo(JAN_31.plus(Duration.ofHours(36)));
        assertThat(IsoPeriod.parse("f", "P2W").after(JAN_31)).isEqualTo(JAN_31.plus(Duration.ofDays(14)));
        assertThat(IsoPeriod.parse("f", "P1M").before(Instant.parse("2026-03-31T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        for (String badText : List.of("", "P", "90D", "P-1D", "P0D", "PT", "P1X", "PT-5H")) {
            assertThatThrownBy(() -> IsoPeriod.parse("expiryTime", badText)).as(badText)
                    .isInstanceOf(BadParameterException.class).hasMessageContaining("expiryTime");
        }
    }
}
