package io.aigw.e2e.simulator.exchange;

import java.util.List;

/**
 * The events of one stream, each already framed for the wire ({@code data: …\n\n}).
 *
 * @param keepAlive       written with the headers, before the time to first token (OpenRouter comment), or null
 * @param opening         written at once when the first token is due (role chunk, message_start, …)
 * @param content         the content chunks, spaced by {@code chunk-interval-ms}
 * @param closing         written after the last content chunk (finish chunk, usage chunk, [DONE], …)
 * @param midStreamError  written instead of the rest by {@code error-in-stream=N}
 */
public record StreamScript(String keepAlive, List<String> opening, List<String> content, List<String> closing,
                           String midStreamError) {
}
