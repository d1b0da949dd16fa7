package dev.servicedesk.archive.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/kpis/summary}: volumes over every ticket in the archive. Maps are ordered by
 * count, largest first; tickets lacking a value (not routed yet) count under {@code unknown}.
 *
 * @param open        tickets not resolved or closed
 * @param resolved    tickets whose solution the customer accepted, resolved or closed
 * @param needsReview open tickets whose classification confidence was too low for routing to trust it
 * @param escalated   tickets a supervisor was alerted about
 * @param daily       tickets received and resolved on each of the last days, oldest first
 */
record KpiSummary(
        long total,
        long open,
        long resolved,
        long needsReview,
        long escalated,
        Map<String, Long> byChannel,
        Map<String, Long> byType,
        Map<String, Long> byPriority,
        Map<String, Long> byDepartment,
        Map<String, Long> byStatus,
        List<Day> daily) {

    record Day(LocalDate date, long received, long resolved) {
    }
}
