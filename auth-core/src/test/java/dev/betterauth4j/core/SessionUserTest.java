package dev.betterauth4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as Better Auth writes them ({@code Date.toISOString()}), read as {@link Instant#parse} reads them. */
class SessionUserTest {

    @Test
    void readsEveryToIsoStringDateAsInstantParseDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000));
            for (String text : new String[]{instant.toString(), instant.toString().substring(0, 19) + "Z",
                    instant.toString().substring(0, Math.min(23, instant.toString().length() - 1)) + "Z"}) {
                assertThat(SessionUser.instant(text)).as(text).isEqualTo(parsed(text));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2026-13-01T00:00:00.000Z",
        "2026-12-31T24:00:00.000Z", "2026-06-30T23:59:60.000Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.0000000000Z",
        "2026-01-01T00:00:00+01:00", "2026-01-01T0a:00:00.000Z", "+12026-01-01T00:00:00.000Z", "2026-01-01 00:00:00.000Z",
        "2026-01-01T00:00:00.000z", "", "2026-01-01T00:00:00.-10Z"})
    void readsAnyOtherTextAsInstantParseDoes(String text) {
        assertThat(SessionUser.instant(text)).isEqualTo(parsed(text));
    }

    @Test
    void readsNothingButText() {
        assertThat(SessionUser.instant(1_767_225_600_000L)).isNull();
        assertThat(SessionUser.instant(null)).isNull();
    }

    private static Instant parsed(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
