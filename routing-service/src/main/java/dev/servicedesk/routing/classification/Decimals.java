package dev.servicedesk.routing.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point text of a double for the reasons, as {@code String.format(Locale.ROOT, "%.2f")} and
 * {@code "%+.3f"} write it (the shortest decimal form rounded half up), without parsing a format
 * string for every number of every ticket.
 */
final class Decimals {

    private Decimals() {
    }

    /** Like {@code %.<digits>f}. */
    static String fixed(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** Like {@code %+.<digits>f}. */
    static String signed(double value, int digits) {
        String fixed = fixed(value, digits);
        return fixed.startsWith("-") ? fixed : "+" + fixed;
    }
}
