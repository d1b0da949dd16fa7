package dev.servicedesk.routing.cluster;

import dev.servicedesk.contracts.events.ProblemClusterDetected;

/**
 * What the detector made of a ticket.
 *
 * @param clusterId the cluster the ticket belongs to, or {@code null}
 * @param detected  set when this ticket completed a new cluster
 */
public record ClusterOutcome(String clusterId, ProblemClusterDetected detected) {

    public static final ClusterOutcome NONE = new ClusterOutcome(null, null);

    /** The ticket joined a cluster that was already open. */
    public boolean linked() {
        return clusterId != null && detected == null;
    }
}
