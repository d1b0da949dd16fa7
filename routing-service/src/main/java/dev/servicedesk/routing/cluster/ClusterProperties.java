package dev.servicedesk.routing.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Problem-cluster detection ({@code servicedesk.routing.clusters.*}).
 *
 * @param minCustomers distinct customers that make a cluster
 * @param window       how close in time their reports must be; a cluster stays open while reports keep coming within it
 * @param types        ticket types (wire names) that count as reporting a problem
 * @param pruneAbove   when a product's document holds more reports than this, reports older than two
 *                     windows are removed, so a popular product's document stays far below MongoDB's size limit
 */
@ConfigurationProperties("servicedesk.routing.clusters")
public record ClusterProperties(
        @DefaultValue("3") int minCustomers,
        @DefaultValue("24h") Duration window,
        @DefaultValue({"problem-feedback", "complaint", "after-sales"}) List<String> types,
        @DefaultValue("500") int pruneAbove) {
}
