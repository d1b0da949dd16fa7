package dev.servicedesk.benchmark.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatabaseCommandsTest {

    private static final String INTAKE_PAGE = """
            # TYPE mongodb_driver_commands_seconds_count counter
            mongodb_driver_commands_seconds_count{application="intake-service",collection="tickets",command="insert",status="SUCCESS"} 120.0
            mongodb_driver_commands_seconds_count{application="intake-service",collection="tickets",command="find",status="SUCCESS"} 30.0
            mongodb_driver_commands_seconds_sum{application="intake-service",collection="tickets",command="find",status="SUCCESS"} 7.5
            jvm_memory_used_bytes{application="intake-service",area="heap",id="G1 Eden Space"} 1000.0
            """;

    @Test
    void addsUpEveryCommandAServiceReportsAndLeavesOutServicesThatDoNotAnswer() throws IOException {
        HttpServer intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        intake.createContext("/actuator/prometheus", exchange -> {
            byte[] page = INTAKE_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        intake.start();
        try {
            String intakeUrl = "http://127.0.0.1:" + intake.getAddress().getPort();
            String nobody = "http://127.0.0.1:" + freePort();

            Map<String, Long> counts = new DatabaseCommands(List.of(intakeUrl, nobody)).counts();

            assertThat(counts).containsExactly(Map.entry("intake-service", 150L));
        } finally {
            intake.stop(0);
        }
    }

    @Test
    void dividesWhatEachServiceSentDuringTheRunByTheTicketsAndAddsThemUp() {
        Map<String, Long> before = Map.of("intake-service", 1_000L, "archive-service", 50L);
        Map<String, Long> after = Map.of("intake-service", 1_300L, "archive-service", 60L);

        Map<String, Double> perTicket = DatabaseCommands.perTicket(before, after, 100);

        assertThat(perTicket.get("intake-service")).isCloseTo(3.0, within(1e-9));
        assertThat(perTicket.get("archive-service")).isCloseTo(0.1, within(1e-9));
        assertThat(perTicket.get("all")).isCloseTo(3.1, within(1e-9));
    }

    @Test
    void givesNoFigureWhenAServiceRestartedAndItsCountBeganAgain() {
        Map<String, Long> before = Map.of("intake-service", 1_000L, "archive-service", 50L);
        Map<String, Long> after = Map.of("intake-service", 1_300L, "archive-service", 20L);

        assertThat(DatabaseCommands.perTicket(before, after, 100)).isEmpty();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
