package dev.servicedesk.intake.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers and email addresses and derives a customer id from them, so the same
 * caller reached as "138 0000 0000", "+86-138-0000-0000" or "0086 13800000000" is one customer.
 */
final class ContactNormalizer {

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ()\\-.]+");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private ContactNormalizer() {
    }

    /** E.164-like form ({@code +8613800000000}), or empty if the text is not a plausible phone number. */
    static Optional<String> phone(String raw) {
        String text = raw.strip();
        if (!PHONE_CHARACTERS.matcher(text).matches()) {
            return Optional.empty();
        }
        boolean plus = text.startsWith("+");
        String digits = NON_DIGITS.matcher(text).replaceAll("");
        if (!plus && digits.startsWith("00")) {
            plus = true;
            digits = digits.substring(2);
        }
        if (!plus && digits.length() == 11 && digits.startsWith("1")) {
            plus = true; // a mainland China mobile number written without its country code
            digits = "86" + digits;
        }
        if (digits.length() < 6 || digits.length() > 15) {
            return Optional.empty();
        }
        return Optional.of(plus ? "+" + digits : digits);
    }

    static Optional<String> email(String raw) {
        String text = raw.strip();
        if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(text.toLowerCase(Locale.ROOT));
    }

    /** A stable id for a customer known only by contact details; the details themselves are not readable from it. */
    static String customerIdFor(String kind, String normalized) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + normalized).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("C-");
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            for (int i = 0; i < 12; i++) {
                id.append(BASE32[(int) ((bits >>> (59 - 5 * i)) & 31)]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
