package dev.servicedesk.routing.classification;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Near-duplicate detection between labelled texts, for Chinese, English and mixed text alike. A text is
 * normalised (NFKC, lower case, every character that is neither letter nor digit a space) and cut into
 * shingles: character bigrams of each CJK run (Chinese has no spaces; a lone character is its own shingle)
 * and character 4-grams of each Latin run padded with a space, so word starts and ends count.
 *
 * <p>Two texts are near-duplicates when their shingle sets have a Jaccard similarity of at least
 * {@value #JACCARD} (a paraphrase that keeps most of the wording: "电视开机后黑屏，只有声音没有画面" and
 * "电视开机后只有声音没有画面" score 0.79), or when at least {@value #CONTAINMENT} of the smaller set lies in the
 * larger and the smaller has at least {@value #MIN_CONTAINED} shingles (one text copied into a longer one:
 * "延保服务一年多少钱" inside "延保服务一年多少钱，两年的有优惠吗"). Texts that share a common phrase but
 * say different things ("冰箱不制冷了，想预约师傅上门维修" and "油烟机吸力变小了，想预约师傅上门维修", 0.40
 * by Jaccard) sit at the edge; short generic texts ("我要申请退款") are too small to count as contained.
 */
final class Shingles {

    static final double JACCARD = 0.4;
    static final double CONTAINMENT = 0.75;
    static final int MIN_CONTAINED = 8;

    private final Set<String> shingles;

    private Shingles(Set<String> shingles) {
        this.shingles = shingles;
    }

    static Shingles of(String raw) {
        String text = normalise(raw);
        Set<String> shingles = new HashSet<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            boolean cjk = isCjk(text.charAt(i));
            int end = i;
            // a CJK run ends at the first other character; a Latin run (spaces included) at the next CJK one
            while (end < text.length() && isCjk(text.charAt(end)) == cjk) {
                end++;
            }
            if (cjk) {
                String run = text.substring(i, end);
                if (run.length() == 1) {
                    shingles.add(run);
                }
                for (int at = 0; at + 2 <= run.length(); at++) {
                    shingles.add(run.substring(at, at + 2));
                }
            } else {
                String run = " " + text.substring(i, end).strip() + " ";
                for (int at = 0; at + 4 <= run.length(); at++) {
                    shingles.add(run.substring(at, at + 4));
                }
            }
            i = end;
        }
        return new Shingles(shingles);
    }

    double jaccard(Shingles other) {
        int common = common(other);
        int union = shingles.size() + other.shingles.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** The share of the smaller set found in the larger one. */
    double containment(Shingles other) {
        int smaller = Math.min(shingles.size(), other.shingles.size());
        return smaller == 0 ? 0 : (double) common(other) / smaller;
    }

    boolean nearDuplicateOf(Shingles other) {
        return jaccard(other) >= JACCARD
                || Math.min(shingles.size(), other.shingles.size()) >= MIN_CONTAINED && containment(other) >= CONTAINMENT;
    }

    private int common(Shingles other) {
        Set<String> small = shingles.size() <= other.shingles.size() ? shingles : other.shingles;
        Set<String> large = small == shingles ? other.shingles : shingles;
        int common = 0;
        for (String shingle : small) {
            common += large.contains(shingle) ? 1 : 0;
        }
        return common;
    }

    private static String normalise(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> text.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static boolean isCjk(char c) {
        return c >= 0x2E80 && Character.isLetterOrDigit(c);
    }
}
