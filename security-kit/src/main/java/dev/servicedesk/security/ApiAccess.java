package dev.servicedesk.security;

import static dev.servicedesk.security.Role.ADMIN;
import static dev.servicedesk.security.Role.AGENT;
import static dev.servicedesk.security.Role.CHANNEL;
import static dev.servicedesk.security.Role.DASHBOARD;
import static dev.servicedesk.security.Role.DEPARTMENT;
import static dev.servicedesk.security.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The role matrix of the public API: one table that the gateway enforces at the front door and every
 * service enforces again on its own port, so a call that bypasses the gateway meets the same rules.
 * Finer checks that need the request's data stay with the service that has it: a department reports
 * only for its own department (intake), a channel reads only its own channel's tickets and masked roles
 * see customers' personal data masked (service-kit).
 */
public final class ApiAccess {

    /** @param pattern a Spring path pattern, e.g. {@code /api/tickets/*}{@code /progress} */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        public Rule {
            roles = Set.copyOf(roles);
        }

        String[] authorities() {
            return roles.stream().map(Role::authority).sorted().toArray(String[]::new);
        }
    }

    /** Reachable without a token: the dashboard's static page, API documents, health and metrics. */
    public static final List<String> PUBLIC_READS = List.of(
            "/", "/dashboard", "/dashboard/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus");

    private static final Set<Role> STAFF = EnumSet.of(AGENT, SUPERVISOR, ADMIN);

    public static final List<Rule> RULES = List.of(
            post("/api/tickets", CHANNEL, AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/information", CHANNEL, AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/progress", DEPARTMENT, AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/solution", DEPARTMENT, AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/information-requests", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/solution/acceptance", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/solution/rejection", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/resolution", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/closure", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/reopening", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/contacts", AGENT, SUPERVISOR, ADMIN),
            post("/api/tickets/*/classification", SUPERVISOR, ADMIN),
            get("/api/tickets/*/classification", AGENT, SUPERVISOR, ADMIN),
            get("/api/tickets/*", CHANNEL, DEPARTMENT, DASHBOARD, AGENT, SUPERVISOR, ADMIN),
            get("/api/tickets", DASHBOARD, AGENT, SUPERVISOR, ADMIN),
            get("/api/customers/*", AGENT, SUPERVISOR, ADMIN),
            get("/api/kpis/**", DASHBOARD, AGENT, SUPERVISOR, ADMIN),
            get("/api/complaints", DASHBOARD, AGENT, SUPERVISOR, ADMIN),
            get("/api/complaints/*", AGENT, SUPERVISOR, ADMIN),
            get("/api/sla/*", DEPARTMENT, AGENT, SUPERVISOR, ADMIN),
            get("/api/callbacks/**", AGENT, SUPERVISOR, ADMIN),
            post("/api/callbacks/**", AGENT, SUPERVISOR, ADMIN));

    /** Intake's record of a ticket: staff only, and never routed by the gateway. */
    public static final String INTERNAL = "/internal/**";

    private ApiAccess() {
    }

    /** Public reads, then every rule (reads also for HEAD); the caller decides about anything else. */
    public static ServerHttpSecurity.AuthorizeExchangeSpec apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, PUBLIC_READS.toArray(String[]::new)).permitAll();
        exchanges.pathMatchers(HttpMethod.HEAD, PUBLIC_READS.toArray(String[]::new)).permitAll();
        for (Rule rule : RULES) {
            exchanges.pathMatchers(rule.method(), rule.pattern()).hasAnyAuthority(rule.authorities());
            if (rule.method() == HttpMethod.GET) {
                exchanges.pathMatchers(HttpMethod.HEAD, rule.pattern()).hasAnyAuthority(rule.authorities());
            }
        }
        return exchanges;
    }

    /** The roles allowed on intake's internal record of tickets, for services that serve it. */
    public static String[] staffAuthorities() {
        return STAFF.stream().map(Role::authority).sorted().toArray(String[]::new);
    }

    private static Rule post(String pattern, Role... roles) {
        return new Rule(HttpMethod.POST, pattern, EnumSet.copyOf(List.of(roles)));
    }

    private static Rule get(String pattern, Role... roles) {
        return new Rule(HttpMethod.GET, pattern, EnumSet.copyOf(List.of(roles)));
    }
}
