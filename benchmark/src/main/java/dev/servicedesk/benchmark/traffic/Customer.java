package dev.servicedesk.benchmark.traffic;

/**
 * One customer of the simulated centre; {@code phone} or {@code email} may be {@code null}, never both.
 *
 * @param tier vip, member or normal
 */
public record Customer(String name, String phone, String email, String tier, boolean chinese) {

    /** The channel the customer wants answers on: one they can actually be reached through. */
    String reachableOn() {
        return phone != null ? "phone" : "email";
    }
}
