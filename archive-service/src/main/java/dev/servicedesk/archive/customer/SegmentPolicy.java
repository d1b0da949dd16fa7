package dev.servicedesk.archive.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How customers are segmented (客户分类).
 *
 * @param newFor       by time: a customer whose first contact is more recent than this is {@code new},
 *                     one known for longer is {@code returning}
 * @param volumeWindow by volume: tickets received within this window before now are counted
 * @param keyFrom      at least this many tickets in the window: {@code key}
 * @param ordinaryFrom at least this many (and fewer than {@code keyFrom}): {@code ordinary}; fewer: {@code occasional}
 */
@ConfigurationProperties("servicedesk.archive.segments")
record SegmentPolicy(
        @DefaultValue("30d") Duration newFor,
        @DefaultValue("365d") Duration volumeWindow,
        @DefaultValue("5") int keyFrom,
        @DefaultValue("2") int ordinaryFrom) {

    SegmentPolicy {
        if (ordinaryFrom < 1 || keyFrom <= ordinaryFrom) {
            throw new IllegalArgumentException("segments need 1 <= ordinary-from < key-from");
        }
    }
}
