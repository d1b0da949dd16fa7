package dev.servicedesk.routing.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * What makes a complaint special ({@code servicedesk.routing.complaints.*}).
 *
 * @param repeatWindow   a second complaint by the same customer within this window is special
 * @param threatPhrases  threats of media exposure or legal action (曝光, 起诉, lawyer, ...)
 */
@ConfigurationProperties("servicedesk.routing.complaints")
public record ComplaintProperties(@DefaultValue("30d") Duration repeatWindow, List<String> threatPhrases) {

    public ComplaintProperties {
        threatPhrases = threatPhrases == null ? List.of() : List.copyOf(threatPhrases);
    }
}
