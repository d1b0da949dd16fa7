package dev.servicedesk.benchmark;

/**
 * Named runs. {@code flat} measures at {@code lowStored} stored tickets, fills up to {@code tickets}
 * at saturation, and measures again. {@code gateway-cost} registers one ticket and reads it
 * {@code --requests} times directly and through the gateway.
 *
 * @param tickets registrations to send
 * @param rate    registrations offered per second
 */
enum Preset {
    SMOKE(2_000, 100),
    DAY(100_000, 600),
    MILLION(1_000_000, 600),
    FLAT(100_000, 400),
    GATEWAY_COST(1, 1);

    final long tickets;
    final double rate;

    Preset(long tickets, double rate) {
        this.tickets = tickets;
        this.rate = rate;
    }

    static Preset named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
