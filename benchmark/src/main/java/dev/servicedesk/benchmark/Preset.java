package dev.servicedesk.benchmark;

/**
 * Named runs. {@code flat} measures at {@code lowStored} stored tickets, fills up to {@code tickets}
 * at saturation, and measures again.
 *
 * @param tickets registrations to send
 * @param rate    registrations offered per second
 */
enum Preset {
    SMOKE(2_000, 100),
    DAY(100_000, 600),
    MILLION(1_000_000, 600),
    FLAT(100_000, 400);

    final long tickets;
    final double rate;

    Preset(long tickets, double rate) {
        this.tickets = tickets;
        this.rate = rate;
    }

    static Preset named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
