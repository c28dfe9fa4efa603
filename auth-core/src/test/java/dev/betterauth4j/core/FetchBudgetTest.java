package dev.betterauth4j.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The key set's fetch budget: two at once, then one per interval; at most 2 + T / interval in any period T. */
class FetchBudgetTest {

    private static final long INTERVAL = 500;

    @Test
    void allowsTwoFetchesAtOnceThenOnePerInterval() {
        FetchBudget budget = new FetchBudget(INTERVAL);

        assertThat(budget.tryAcquire(10_000)).isTrue();
        assertThat(budget.tryAcquire(10_000)).isTrue();
        assertThat(budget.tryAcquire(10_000)).isFalse();
        assertThat(budget.tryAcquire(10_499)).isFalse();
        assertThat(budget.tryAcquire(10_500)).isTrue();
        assertThat(budget.tryAcquire(10_500)).isFalse();
        assertThat(budget.tryAcquire(11_000)).isTrue();
    }

    @Test
    void aQuietPeriodRefillsItToTwoButNoMore() {
        FetchBudget budget = new FetchBudget(INTERVAL);
        budget.tryAcquire(0);
        budget.tryAcquire(0);

        long muchLater = 3_600_000;
        assertThat(budget.tryAcquire(muchLater)).isTrue();
        assertThat(budget.tryAcquire(muchLater)).isTrue();
        assertThat(budget.tryAcquire(muchLater)).isFalse();
    }

    @Test
    void neverAllowsMoreThanTwoPlusOnePerIntervalInAnyPeriod() {
        Random random = new Random(13);
        List<String> violations = new ArrayList<>();
        for (int run = 0; run < 100; run++) {
            FetchBudget budget = new FetchBudget(INTERVAL);
            List<Long> granted = new ArrayList<>();
            long now = random.nextInt(1_000_000);
            for (int request = 0; request < 1_000; request++) {
                // Floods (a request every few ms) and trickles (one every second or so), with jitter.
                now += random.nextInt(run % 2 == 0 ? 20 : 2_000);
                if (budget.tryAcquire(now)) {
                    granted.add(now);
                }
            }
            for (int first = 0; first < granted.size(); first++) {
                for (int last = first; last < granted.size(); last++) {
                    long period = granted.get(last) - granted.get(first);
                    if (last - first + 1 > 2 + period / INTERVAL) {
                        violations.add((last - first + 1) + " fetches within " + period + " ms");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
