package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One labelled ticket text from a TSV file: type, sub-type, priority, customer tier, optionally the
 * channel it came through, and the text.
 *
 * @param channel how the ticket arrived (phone, chat, email, ...), or "unspecified" in sets without the column
 */
record LabelledCase(TicketType type, String subType, Priority priority, CustomerTier tier, String channel, String text) {

    static final String UNSPECIFIED = "unspecified";

    static List<LabelledCase> load(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(LabelledCase.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(LabelledCase::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledCase parse(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 5 && columns.length != 6) {
            throw new IllegalArgumentException("expected 5 or 6 tab-separated columns: " + line);
        }
        return new LabelledCase(
                Classifier.parseType(columns[0]),
                columns[1],
                Priority.valueOf(columns[2].toUpperCase(Locale.ROOT)),
                CustomerTier.valueOf(columns[3].toUpperCase(Locale.ROOT)),
                columns.length == 6 ? columns[4] : UNSPECIFIED,
                columns[columns.length - 1]);
    }

    String label() {
        return type.wireName() + "/" + subType;
    }
}
