package dev.servicedesk.benchmark;

/**
 * Named runs. {@code flat} measures at {@code lowStored} stored tickets, fills up to {@code tickets}
 * at saturation, and measures again. {@code gateway-cost} registers one ticket and reads it
 * {@code --requests} times directly and through the gateway.
 *
 * @param tickets registrations to send
 * @param rate    registrations offered per second
 * @param warmUpSeconds how long the centre's traffic runs at a moderate rate before the measured load: a
 *                centre's busiest hours meet a stack that has been running, whose JIT has compiled its paths
 */
enum Preset {
    SMOKE(2_000, 100, 0),
    DAY(100_000, 600, 300),
    MILLION(1_000_000, 600, 300),
    FLAT(100_000, 400, 0),
    GATEWAY_COST(1, 1, 0);

    final long tickets;
    final double rate;
    final long warmUpSeconds;

    Preset(long tickets, double rate, long warmUpSeconds) {
        this.tickets = tickets;
        this.rate = rate;
        this.warmUpSeconds = warmUpSeconds;
    }

    static Preset named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
