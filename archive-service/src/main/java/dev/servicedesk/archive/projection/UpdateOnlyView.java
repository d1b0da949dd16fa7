package dev.servicedesk.archive.projection;

import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A read model whose changes are update operators alone, written without reading it first. It
 * suits a view where applying a poll's changes twice leaves what applying them once did, so it
 * needs neither the stored document nor the offsets a {@link Shard} keeps.
 */
public interface UpdateOnlyView {

    /** Writes a poll's ticket changes, in the order they were folded, in one bulk operation. */
    Mono<Void> write(List<TicketChange> changes);
}
