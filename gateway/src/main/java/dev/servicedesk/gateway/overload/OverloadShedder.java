package dev.servicedesk.gateway.overload;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between the HTTP codec and Reactor Netty's request handling on one connection. While its event
 * loop lags more than the limit, a request is answered 503 with Retry-After and a problem document right
 * here, and its body is discarded; otherwise it passes on untouched. Shedding costs a few microseconds,
 * where the framework spends about a millisecond even on a request it refuses, so an overloaded gateway
 * keeps answering at the rate requests arrive instead of letting them queue unread until clients give up.
 */
final class OverloadShedder extends ChannelInboundHandlerAdapter {

    static final String NAME = "servicedesk.overloadShedder";
    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final OverloadGuard guard;
    private boolean discarding;

    OverloadShedder(OverloadGuard guard) {
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            discarding = false;
            if (guard.shouldShed(ctx.channel().eventLoop(), request.method(), request.uri())) {
                shed(ctx, request);
                discarding = !(msg instanceof LastHttpContent);
                swallow(ctx, msg);
                return;
            }
        } else if (discarding && msg instanceof HttpContent) {
            discarding = !(msg instanceof LastHttpContent);
            swallow(ctx, msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Drops a message no handler after this one will see. Reactor Netty reads a connection only on demand,
     * and the demand for the next request would come from the handlers that never saw this one.
     */
    private static void swallow(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    private void shed(ChannelHandlerContext ctx, HttpRequest request) {
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                HttpResponseStatus.SERVICE_UNAVAILABLE, Unpooled.wrappedBuffer(guard.problem()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, guard.problem().length)
                .set(HttpHeaderNames.RETRY_AFTER, guard.retryAfterSeconds());
        String correlationId = request.headers().get(CORRELATION_ID);
        if (correlationId != null) {
            response.headers().set(CORRELATION_ID, correlationId);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
