package dev.servicedesk.intake;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An intake started as its own application context, as the launcher starts it, for tests that
 * stop it abruptly or point it at a broker they control.
 */
public final class StandaloneIntake implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneIntake(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The shared test broker and a database of its own, plus {@code overrides} (which win). */
    public static StandaloneIntake start(String database, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, String.valueOf(value.get())), database);
        properties.put("server.port", "0");
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new StandaloneIntake(IntakeApplication.builder().run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
