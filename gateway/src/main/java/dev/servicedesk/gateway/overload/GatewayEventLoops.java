package dev.servicedesk.gateway.overload;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The gateway's server runs on event loops of its own rather than on Reactor Netty's global ones. Where
 * services share the gateway's JVM (the local stack), the global loops also carry the services' HTTP work;
 * a request at the front door then waited behind work that cannot be shed, and under overload connections
 * queued unaccepted until clients gave up. On its own loops the gateway reads every request promptly and
 * sheds what it cannot serve ({@link OverloadShedder}).
 */
@Configuration(proxyBeanMethods = false)
class GatewayEventLoops {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResourcesSupplier(() -> LoopResources.create("gateway-http", 1, LoopResources.DEFAULT_IO_WORKER_COUNT, true));
        // Requests have drained by then (graceful shutdown); waiting for more only delays stopping.
        factory.setShutdownQuietPeriod(Duration.ZERO);
        return factory;
    }
}
