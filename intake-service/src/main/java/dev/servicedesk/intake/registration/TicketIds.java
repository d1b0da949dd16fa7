package dev.servicedesk.intake.registration;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ticket ids such as {@code T-01jd3x8k2m9q7rtv}: "T-" and 16 Crockford base32 characters, 48 bits of
 * milliseconds then 32 random bits, so ids sort by registration time and are easy to read out on the phone.
 * Within one millisecond an instance counts up from its first random value instead of drawing again,
 * so its own ids never collide (ten thousand random draws in one millisecond would, about once in a
 * hundred runs); other instances start from random values of their own.
 */
final class TicketIds {

    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Clock clock;
    private long lastMillis = -1;
    private long lastRandom;

    TicketIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis;
        long random;
        synchronized (this) {
            millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
            if (millis == lastMillis && lastRandom < 0xFFFF_FFFFL) {
                random = lastRandom + 1;
            } else {
                random = ThreadLocalRandom.current().nextLong() & 0x7FFF_FFFFL; // half the range left to count up
            }
            lastMillis = millis;
            lastRandom = random;
        }
        char[] id = new char[18];
        id[0] = 'T';
        id[1] = '-';
        // 80 bits = 16 characters of 5 bits: the first 48 from the time, the last 32 random.
        for (int i = 0; i < 16; i++) {
            int shift = 75 - 5 * i; // bit offset within the 80-bit number
            id[2 + i] = BASE32[bitsAt(millis, random, shift)];
        }
        return new String(id);
    }

    private static int bitsAt(long high48, long low32, int shift) {
        int value = 0;
        for (int bit = 4; bit >= 0; bit--) {
            int position = shift + bit; // 0 = least significant of the 80 bits
            long source = position >= 32 ? (high48 >>> (position - 32)) : (low32 >>> position);
            value = (value << 1) | (int) (source & 1);
        }
        return value;
    }
}
