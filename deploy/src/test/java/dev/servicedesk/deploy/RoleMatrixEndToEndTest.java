package dev.servicedesk.deploy;

import static dev.servicedesk.security.Role.ADMIN;
import static dev.servicedesk.security.Role.AGENT;
import static dev.servicedesk.security.Role.CHANNEL;
import static dev.servicedesk.security.Role.DASHBOARD;
import static dev.servicedesk.security.Role.DEPARTMENT;
import static dev.servicedesk.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public route through the gateway, with every role and with none: allowed where the matrix says
 * so (the request reaches the service, whatever it then answers), 401 or 403 as problem+json everywhere
 * else. The expected matrix is written out here, apart from the table the gateway enforces.
 */
class RoleMatrixEndToEndTest {

    record Route(HttpMethod method, String path, Set<Role> allowed) {
    }

    private static final String TICKET = "T-MATRIX-UNKNOWN";
    private static final Set<Role> STAFF = EnumSet.of(AGENT, SUPERVISOR, ADMIN);

    private static final List<Route> ROUTES = List.of(
            post("/api/tickets", plus(STAFF, CHANNEL)),
            post("/api/tickets/" + TICKET + "/information", plus(STAFF, CHANNEL)),
            post("/api/tickets/" + TICKET + "/progress", plus(STAFF, DEPARTMENT)),
            post("/api/tickets/" + TICKET + "/solution", plus(STAFF, DEPARTMENT)),
            post("/api/tickets/" + TICKET + "/information-requests", STAFF),
            post("/api/tickets/" + TICKET + "/solution/acceptance", STAFF),
            post("/api/tickets/" + TICKET + "/solution/rejection", STAFF),
            post("/api/tickets/" + TICKET + "/resolution", STAFF),
            post("/api/tickets/" + TICKET + "/closure", STAFF),
            post("/api/tickets/" + TICKET + "/reopening", STAFF),
            post("/api/tickets/" + TICKET + "/contacts", STAFF),
            post("/api/tickets/" + TICKET + "/classification", EnumSet.of(SUPERVISOR, ADMIN)),
            get("/api/tickets/" + TICKET + "/classification", STAFF),
            get("/api/tickets/" + TICKET, plus(STAFF, CHANNEL, DEPARTMENT, DASHBOARD)),
            get("/api/tickets?limit=5", plus(STAFF, DASHBOARD)),
            get("/api/customers/C-MATRIX", STAFF),
            get("/api/kpis/summary", plus(STAFF, DASHBOARD)),
            get("/api/complaints", plus(STAFF, DASHBOARD)),
            get("/api/complaints/" + TICKET, STAFF),
            get("/api/sla/" + TICKET, plus(STAFF, DEPARTMENT)),
            get("/api/callbacks/" + TICKET, STAFF),
            get("/internal/tickets/" + TICKET, EnumSet.noneOf(Role.class)));

    private static WebTestClient gateway;

    @BeforeAll
    static void startSystem() {
        gateway = SecuredSystem.client(SecuredSystem.get().gatewayUrl());
    }

    @Test
    void everyRouteAndRoleIsAllowedOnlyWhereTheMatrixSaysAndRefusedWithProblemJsonElsewhere() {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            EntityExchangeResult<byte[]> anonymous = call(route, null);
            if (anonymous.getStatus().value() != 401 || !isProblem(anonymous)) {
                wrong.add(route.method() + " " + route.path() + " anonymous -> " + anonymous.getStatus());
            }
            for (Role role : Role.values()) {
                EntityExchangeResult<byte[]> result = call(route, TestTokens.bearer(role));
                int status = result.getStatus().value();
                boolean refused = status == 401 || status == 403;
                if (route.allowed().contains(role) == refused) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + " -> " + status
                            + (route.allowed().contains(role) ? " (should be allowed)" : " (should be refused)"));
                } else if (refused && (!isProblem(result) || status != 403)) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + " -> " + status + " not a 403 problem");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static EntityExchangeResult<byte[]> call(Route route, String authorization) {
        WebTestClient.RequestBodySpec request = gateway.method(route.method()).uri(route.path());
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (route.method() == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of());
        }
        return request.exchange().expectBody().returnResult();
    }

    private static boolean isProblem(EntityExchangeResult<byte[]> result) {
        MediaType type = result.getResponseHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Route post(String path, Set<Role> allowed) {
        return new Route(HttpMethod.POST, path, allowed);
    }

    private static Route get(String path, Set<Role> allowed) {
        return new Route(HttpMethod.GET, path, allowed);
    }

    private static Set<Role> plus(Set<Role> roles, Role... more) {
        Set<Role> all = EnumSet.copyOf(roles);
        all.addAll(List.of(more));
        return all;
    }
}
