package dev.servicedesk.deploy;

import dev.servicedesk.gateway.GatewayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;

/**
 * Every service and the gateway, each its own application context, wired to one broker and one
 * database server. The services start concurrently; the gateway starts last, pointed at their ports.
 */
public final class ServiceSystem implements AutoCloseable {

    /**
     * Every application here shares the one Logback. Each one's log-event counter would be a filter on
     * it, counting every application's events, and every log call, enabled or not, would pass all six.
     */
    private static final String SHARED_JVM_EXCLUSIONS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    /** The gateway shares the services' classpath here but has no broker or database of its own. */
    private static final String GATEWAY_EXCLUSIONS = String.join(",", SHARED_JVM_EXCLUSIONS,
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration");

    private final Map<ServiceModule, ConfigurableApplicationContext> services;
    private final ConfigurableApplicationContext gateway;

    private ServiceSystem(Map<ServiceModule, ConfigurableApplicationContext> services, ConfigurableApplicationContext gateway) {
        this.services = services;
        this.gateway = gateway;
    }

    /**
     * @param fixedPorts {@code true} for the documented ports (8080-8085), {@code false} for free ports
     */
    public static ServiceSystem start(String kafkaBootstrapServers, String mongoUri, boolean fixedPorts, String... extraArgs) {
        return start(kafkaBootstrapServers, mongoUri, fixedPorts ? OptionalInt.of(0) : OptionalInt.empty(), extraArgs);
    }

    /**
     * @param portOffset added to the documented ports (8080-8085), so that a second stack can run beside one
     *                   on them; empty for free ports
     */
    public static ServiceSystem start(String kafkaBootstrapServers, String mongoUri, OptionalInt portOffset, String... extraArgs) {
        boolean fixedPorts = portOffset.isPresent();
        int offset = portOffset.orElse(0);
        // Each application would otherwise re-initialise the one shared Logback, concurrently; logback.xml configures it once.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        Map<ServiceModule, CompletableFuture<ConfigurableApplicationContext>> starting = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : ServiceModule.values()) {
            List<String> args = new ArrayList<>(List.of(
                    "--KAFKA_BOOTSTRAP_SERVERS=" + kafkaBootstrapServers,
                    "--MONGODB_URI=" + mongoUri,
                    "--server.port=" + (fixedPorts ? module.defaultPort() + offset : 0),
                    "--spring.cloud.gateway.server.webflux.enabled=false",
                    "--spring.autoconfigure.exclude=" + SHARED_JVM_EXCLUSIONS));
            args.addAll(List.of(extraArgs));
            starting.put(module, CompletableFuture.supplyAsync(() -> run(module.builder(), args)));
        }
        // With fixed ports the gateway knows where the services will be and starts alongside them.
        CompletableFuture<ConfigurableApplicationContext> gateway = fixedPorts
                ? CompletableFuture.supplyAsync(() -> startGateway(8080 + offset, module -> module.defaultPort() + offset, extraArgs))
                : CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new))
                        .thenApply(started -> startGateway(0, module -> port(starting.get(module).join()), extraArgs));
        try {
            Map<ServiceModule, ConfigurableApplicationContext> services = new EnumMap<>(ServiceModule.class);
            starting.forEach((module, future) -> services.put(module, future.join()));
            return new ServiceSystem(services, gateway.join());
        } catch (CompletionException e) {
            starting.values().forEach(future -> future.thenAccept(ConfigurableApplicationContext::close));
            gateway.thenAccept(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    private static ConfigurableApplicationContext startGateway(int port, ToIntFunction<ServiceModule> servicePort, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--servicedesk.kit.enabled=false",
                "--spring.autoconfigure.exclude=" + GATEWAY_EXCLUSIONS));
        for (ServiceModule module : ServiceModule.values()) {
            args.add("--" + module.gatewayVariable() + "=http://127.0.0.1:" + servicePort.applyAsInt(module));
        }
        args.addAll(List.of(extraArgs));
        return run(GatewayApplication.builder(), args);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, List<String> args) {
        return builder.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + port(gateway);
    }

    /** A bean of one service's context, for tests that check a value against the service's own policy. */
    public <T> T bean(ServiceModule module, Class<T> type) {
        return services.get(module).getBean(type);
    }

    /** Service name to its own base URL, for operators who want to bypass the gateway. */
    public Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach((module, context) -> urls.put(module.serviceName(), "http://127.0.0.1:" + port(context)));
        return urls;
    }

    /** Stops the gateway first so no request reaches a stopping service, then the services together. */
    @Override
    public void close() {
        gateway.close();
        CompletableFuture.allOf(services.values().stream()
                        .map(context -> CompletableFuture.runAsync(context::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
