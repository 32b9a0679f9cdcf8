package io.aigw.gateway.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.util.List;

/**
 * Vert.x's request decoder, refusing obsolete line folding (RFC 9112 §5.2): a header line that starts with a space or
 * a tab continues the previous one, and Netty joins the two silently, so a front proxy that reads the fold another way
 * sees other headers than the gateway. Such a request is marked as badly decoded, which sends it to the server's
 * invalid-request handler (400 in the surface's envelope, connection closed) instead of a route.
 *
 * <p>Netty's decoder consumes at most one request head per {@code decode} call and returns once the head is complete,
 * so the bytes a call consumed while a head was expected are exactly that head's (or part of it, when it arrives in
 * pieces); bodies are never scanned.
 */
final class ObsFoldRejectingDecoder extends VertxHttpRequestDecoder {

    static final String FOLDED = "Obsolete line folding (a header line starting with a space or tab) is not accepted.";

    private boolean expectingHead = true;
    private boolean folded;
    private byte previous;

    ObsFoldRejectingDecoder(HttpServerOptions options) {
        super(options);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int from = buffer.readerIndex();
        int produced = out.size();
        boolean scanning = expectingHead;
        super.decode(ctx, buffer, out);
        if (scanning) {
            scan(buffer, from, buffer.readerIndex());
        }
        for (int i = produced; i < out.size(); i++) {
            Object message = out.get(i);
            if (message instanceof HttpRequest request) {
                if (folded && request.decoderResult().isSuccess()) {
                    request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(FOLDED)));
                }
                expectingHead = false;
                folded = false;
                previous = 0;
            }
            if (message instanceof LastHttpContent) {
                expectingHead = true;
            }
        }
    }

    private void scan(ByteBuf buffer, int from, int to) {
        for (int i = from; i < to && !folded; i++) {
            byte b = buffer.getByte(i);
            if (previous == '\n' && (b == ' ' || b == '\t')) {
                folded = true;
            }
            previous = b;
        }
    }
}
