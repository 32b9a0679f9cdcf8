package io.aigw.gateway.translate;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;

/**
 * One request translated from the client's surface to a provider surface, once, before any attempt; and the
 * way back for that provider's answers. One implementation per (client surface → provider surface) pair.
 */
public interface Translation {

    /** The bytes for one attempt: the provider's model id, the model's unsupported parameters removed. */
    Buffer forModel(String upstreamModelId, Set<String> strip);

    /** The client's answer for a whole (2xx) upstream answer; null when the upstream body is unreadable. */
    byte[] response(byte[] upstream);

    /** A new transform for one stream from {@code provider}. */
    StreamTransform stream(String provider);

    /** The request's fields that have no slot on the target surface and were left out. */
    List<String> dropped();
}
