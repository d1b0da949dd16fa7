package dev.servicedesk.benchmark.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CompilerThreadsTest {

    @Test
    void countsUserAndSystemTicksOfACompilerThread() {
        String c2 = "4242 (C2 CompilerThre) S 4000 4000 1 0 -1 1077936192 2817 0 0 0 731 42 0 0 20 0 30 0 519 0 0";

        assertThat(CompilerThreads.ticksOfCompiler(c2)).isEqualTo(773);
    }

    @Test
    void leavesOutEveryOtherThreadEvenWhenItsNameHasParenthesesAndSpaces() {
        String worker = "4243 (pool (1) C2 x) R 4000 4000 1 0 -1 1077936192 2817 0 0 0 900 100 0 0 20 0 30 0 519 0 0";

        assertThat(CompilerThreads.ticksOfCompiler(worker)).isZero();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheCompilerTimeOfARunningJvm() {
        // enough distinct work for the JIT to compile something
        long sum = IntStream.range(0, 5_000_000).mapToLong(i -> Integer.toString(i).hashCode()).sum();

        long compilers = CompilerThreads.cpuNanos(ProcessHandle.current().pid());

        assertThat(sum).isNotZero();
        assertThat(compilers).isPositive();
    }

    @Test
    void knowsNothingOfAProcessThatIsNotThere() {
        assertThat(CompilerThreads.cpuNanos(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void takesTheCompilerTimeOffNothingWhenEitherReadingLacksIt() {
        CpuReading before = new CpuReading(1_000, 200);

        assertThat(new CpuReading(5_000, 900).since(before)).isEqualTo(new CpuReading(4_000, 700));
        assertThat(new CpuReading(5_000, -1).since(before)).isEqualTo(new CpuReading(4_000, -1));
    }
}
