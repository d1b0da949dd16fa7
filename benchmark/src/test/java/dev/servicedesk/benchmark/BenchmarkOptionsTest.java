package dev.servicedesk.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void dayAndMillionWarmTheStackUpAndStartItWithTieredCompilation() {
        for (String preset : new String[] {"day", "million"}) {
            BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--preset=" + preset});

            assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(300));
            assertThat(options.warmUpRate()).isEqualTo(40.0);
            assertThat(options.stackJvmOptions()).isEqualTo(BenchmarkOptions.LONG_RUNNING_JVM_OPTIONS);
        }
    }

    @Test
    void theReadmesSmokeRunStartsColdWithTheQuickCompilerAsTheReadmeStartsTheStack() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--preset=smoke"});

        assertThat(options.warmUp()).isZero();
        assertThat(options.stackJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");
    }

    @Test
    void aWarmUpAskedForChoosesTheLongRunningJvmUnlessOptionsAreGiven() {
        assertThat(BenchmarkOptions.parse(new String[] {"--warm-up-seconds=60"}).stackJvmOptions())
                .isEqualTo(BenchmarkOptions.LONG_RUNNING_JVM_OPTIONS);
        assertThat(BenchmarkOptions.parse(new String[] {"--preset=day", "--stack-jvm-options=-Xmx2g"}).stackJvmOptions())
                .containsExactly("-Xmx2g");
        assertThat(BenchmarkOptions.parse(new String[] {"--preset=day", "--warm-up-seconds=0"}).stackJvmOptions())
                .isEqualTo(BenchmarkOptions.QUICK_START_JVM_OPTIONS);
    }

    @Test
    void refusesAWarmUpWherePresetsFillOrWarmUpThemselves() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--preset=flat", "--warm-up-seconds=60"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up-seconds");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up-seconds=60", "--warm-up-rate=0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up-rate");
    }
}
