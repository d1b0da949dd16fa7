package dev.servicedesk.intake.admission;

import dev.servicedesk.kit.health.ConsumerLag.Position;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DrainEstimateTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private final DrainEstimate estimate = new DrainEstimate(Duration.ofSeconds(5));

    @Test
    void aGroupBehindNeedsItsLagDividedByTheRateItCommitsAt() {
        // 100 records committed per second, 300 behind: 3 s to catch up
        for (int second = 0; second <= 10; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(100L * second, 300)));
        }
        assertThat(estimate.delay(at(10))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theSlowestGroupDecides() {
        for (int second = 0; second <= 10; second++) {
            estimate.sample(at(second), Map.of(
                    "routing-service", new Position(100L * second, 50),
                    "archive-service", new Position(50L * second, 100)));
        }
        assertThat(estimate.delay(at(10))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aGroupIdleUntilABurstIsJudgedByTheRateItWorksAtNotByItsIdleTime() {
        for (int second = 0; second <= 4; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(1000, 0)));
        }
        estimate.sample(at(5), Map.of("archive-service", new Position(1000, 400)));
        estimate.sample(at(6), Map.of("archive-service", new Position(1100, 300)));
        assertThat(estimate.delay(at(6))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aGroupThatCaughtUpNeedsNothing() {
        for (int second = 0; second <= 10; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(100L * second, 0)));
        }
        assertThat(estimate.delay(at(10))).isZero();
    }

    @Test
    void aGroupCommittingOncePerBatchIsSeenAtItsAverageRate() {
        // 200 records every 2 s, sampled every 500 ms: 100 records/s on average, 200 behind
        for (int tick = 0; tick <= 40; tick++) {
            long committed = 200L * (tick / 4);
            estimate.sample(START.plusMillis(500L * tick), Map.of("archive-service", new Position(committed, 200)));
        }
        assertThat(estimate.delay(START.plusMillis(500L * 40)).toMillis()).isBetween(1000L, 4000L);
    }

    @Test
    void aGroupThatStoppedProgressingIsDownNotSlowAndHoldsNothingBack() {
        for (int second = 0; second <= 10; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(100L * second, 300)));
        }
        for (int second = 11; second <= 20; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(1000, 300 + 50L * second)));
        }
        assertThat(estimate.delay(at(20))).isZero();
    }

    @Test
    void positionsNoLongerSampledHoldNothingBack() {
        for (int second = 0; second <= 10; second++) {
            estimate.sample(at(second), Map.of("archive-service", new Position(100L * second, 300)));
        }
        assertThat(estimate.delay(at(11))).isEqualTo(Duration.ofSeconds(3));
        assertThat(estimate.delay(at(16))).isZero();
    }

    @Test
    void aGroupNeverSeenProgressingHoldsNothingBack() {
        estimate.sample(at(0), Map.of("archive-service", new Position(0, 5000)));
        estimate.sample(at(1), Map.of("archive-service", new Position(0, 5000)));
        assertThat(estimate.delay(at(1))).isZero();
    }

    private static Instant at(int second) {
        return START.plusSeconds(second);
    }
}
