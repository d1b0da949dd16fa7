package dev.servicedesk.gateway.overload;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The gateway's server runs on event loops of its own rather than on Reactor Netty's global ones, and
 * accepts connections on a thread of its own. Where services share the gateway's JVM (the local stack),
 * the global loops also carry the services' HTTP work; under overload each pass of a loop took so long
 * that the loop holding the listening socket accepted about ten connections a second, and a thousand
 * waited unaccepted until clients gave up. Now connections are taken at once, their requests are read
 * promptly, and what the gateway cannot serve is shed ({@link OverloadShedder}).
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
