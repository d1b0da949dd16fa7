package dev.servicedesk.routing.classification;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @Test
    void writesProbabilitiesAndWeightsExactlyAsStringFormatDoes() {
        Random random = new Random(20261130);
        double[] edges = {0.0, 1.0, 0.005, 0.015, 0.125, 0.145, 0.995, 0.9995, 0.0005, 0.0015, 2.5, 1e-9, 0.3333333333333333};
        for (double value : edges) {
            assertSame(value);
        }
        for (int i = 0; i < 50_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() : random.nextDouble() * 8;
            assertSame(value);
            assertSame(Math.round(value * 1000) / 1000.0 + 0.0005); // exactly on a rounding boundary, as far as a double can be
        }
    }

    private static void assertSame(double value) {
        assertThat(Decimals.fixed(value, 2)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        assertThat(Decimals.signed(value, 3)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%+.3f", value));
    }
}
