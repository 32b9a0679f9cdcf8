package io.aigw.gateway.proxy;

import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Decodes a whole upstream answer sent with `Content-Encoding: gzip` or `deflate`, never past the cap. */
final class ContentCoding {

    private ContentCoding() {
    }

    /** {@code body} unchanged when not encoded; decoded otherwise. */
    static Buffer decode(Buffer body, String coding, long cap) {
        if (identity(coding)) {
            return body;
        }
        String c = coding.trim().toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = switch (c) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteBufInputStream(body.getByteBuf()), 8192);
            case "deflate" -> new InflaterInputStream(new ByteBufInputStream(body.getByteBuf()));
            default -> throw new UpstreamBody.Unreadable();
        }) {
            Buffer out = Buffer.buffer((int) Math.min(cap, Math.max(4096L, body.length() * 4L)));
            byte[] block = new byte[16 * 1024];
            int n;
            while ((n = in.read(block)) > 0) {
                if (out.length() + (long) n > cap) {
                    throw new UpstreamBody.TooLarge();
                }
                out.appendBytes(block, 0, n);
            }
            return out;
        } catch (IOException e) {
            throw new UpstreamBody.Unreadable();
        }
    }

    /** Whether the answer is not encoded. */
    static boolean identity(String coding) {
        return coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity");
    }
}
