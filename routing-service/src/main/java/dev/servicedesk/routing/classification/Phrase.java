package dev.servicedesk.routing.classification;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One phrase of a rule. Latin phrases match at a word start and end at a word end or an English
 * inflection ("refund" matches "refunds", "refunded"); CJK phrases match anywhere, since Chinese
 * text has no spaces between words.
 */
public final class Phrase {

    private static final String[] SUFFIXES = {"", "s", "es", "ed", "d", "ing"};
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String text;
    private final boolean latin;

    public Phrase(String phrase) {
        this.text = normalize(phrase).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        this.latin = text.chars().allMatch(c -> c < 0x2E80);
    }

    public String text() {
        return text;
    }

    /** Lower case, full-width forms folded (ＶＩＰ -> vip), runs of white space as one space. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return WHITESPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** @param normalized text already passed through {@link #normalize} */
    public boolean occursIn(String normalized) {
        return indexIn(normalized, 0) >= 0;
    }

    /**
     * @param normalized text already passed through {@link #normalize}
     * @return where the first match at or after {@code from} starts, or -1
     */
    public int indexIn(String normalized, int from) {
        if (!latin) {
            return normalized.indexOf(text, from);
        }
        for (int at = normalized.indexOf(text, from); at >= 0; at = normalized.indexOf(text, at + 1)) {
            if (at > 0 && Character.isLetterOrDigit(normalized.charAt(at - 1)) && normalized.charAt(at - 1) < 0x2E80) {
                continue;
            }
            int end = at + text.length();
            for (String suffix : SUFFIXES) {
                if (normalized.startsWith(suffix, end) && wordEnds(normalized, end + suffix.length())) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static boolean wordEnds(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char next = text.charAt(index);
        return !Character.isLetterOrDigit(next) || next >= 0x2E80;
    }

    @Override
    public String toString() {
        return text;
    }
}
