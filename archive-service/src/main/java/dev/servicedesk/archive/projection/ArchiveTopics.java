package dev.servicedesk.archive.projection;

import dev.servicedesk.contracts.Topics;
import org.springframework.stereotype.Component;

/**
 * The topics the archive reads: every topic carrying ticket events except department results,
 * which are unchecked reports that intake validates and republishes on {@code ticket-events}.
 */
@Component("archiveTopics")
public class ArchiveTopics {

    public String[] names() {
        return Topics.eventTopics().stream()
                .filter(topic -> !topic.equals(Topics.DEPARTMENT_RESULTS))
                .toArray(String[]::new);
    }
}
