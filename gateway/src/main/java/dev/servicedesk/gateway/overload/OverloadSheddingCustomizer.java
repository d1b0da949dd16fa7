package dev.servicedesk.gateway.overload;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts an {@link OverloadShedder} on every HTTP/1.1 connection of the gateway's server, right before
 * Reactor Netty hands the request to the framework, and starts measuring the connection's event loop.
 */
@Component
class OverloadSheddingCustomizer implements NettyServerCustomizer {

    private final OverloadGuard guard;

    OverloadSheddingCustomizer(OverloadGuard guard) {
        this.guard = guard;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        if (!guard.enabled()) {
            return server;
        }
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                guard.watch(channel.eventLoop());
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, OverloadShedder.NAME, new OverloadShedder(guard));
            }
        });
    }
}
