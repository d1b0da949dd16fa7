package dev.servicedesk.archive.kpi;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KpiQueriesTest {

    private static Document group(Object id, int count) {
        return new Document("_id", id).append("count", count);
    }

    @Test
    void emptyArchiveCountsZeroEverywhere() {
        KpiSummary summary = KpiQueries.toSummary(new Document());

        assertThat(summary.total()).isZero();
        assertThat(summary.open()).isZero();
        assertThat(summary.byChannel()).isEmpty();
    }

    @Test
    void resolvedAndClosedAreResolvedEverythingElseIsOpen() {
        Document result = new Document("byStatus", List.of(group("routed", 4), group("resolved", 2), group("closed", 3),
                group(null, 1), group("reopened", 1)))
                .append("byChannel", List.of(group("chat", 2), group("phone", 5), group(null, 1), group("email", 2)))
                .append("needsReviewByStatus", List.of(group("routed", 2), group("closed", 1), group(null, 1)))
                .append("escalated", List.of(new Document("_id", null).append("count", 3)));

        KpiSummary summary = KpiQueries.toSummary(result);

        assertThat(summary.total()).isEqualTo(11);
        assertThat(summary.resolved()).isEqualTo(5);
        assertThat(summary.open()).isEqualTo(6);
        assertThat(summary.needsReview()).isEqualTo(3);
        assertThat(summary.escalated()).isEqualTo(3);
        assertThat(summary.byStatus()).containsEntry(KpiQueries.UNKNOWN, 1L);
        assertThat(summary.byChannel()).containsExactly(
                Map.entry("phone", 5L), Map.entry("chat", 2L), Map.entry("email", 2L),
                Map.entry(KpiQueries.UNKNOWN, 1L));
    }
}
