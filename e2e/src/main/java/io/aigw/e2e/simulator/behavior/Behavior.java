package io.aigw.e2e.simulator.behavior;

import java.util.List;
import java.util.Map;

/**
 * What one request asks the simulator to do, parsed from {@code x-sim-behavior} and from the model suffix after
 * {@code @}. Times are milliseconds; -1 means "not asked". {@code gzip}: JSON answers gzip-encoded whatever the
 * request's Accept-Encoding; {@code redirect}: answer that 3xx status with a Location instead; {@code jsonToStream}:
 * answer a stream request with a JSON body (as providers that ignore {@code stream: true} do); {@code reply}: answer
 * exactly this text, in one piece, instead of the simulator's sentence (a scripted verdict for a firewall judge);
 * {@code errorEchoesKey}: the {@code error-in-stream} event's message quotes the request's API key whole, as a careless
 * upstream might; {@code endAfter}: a stream ends cleanly after that many content chunks, without its closing events
 * (no finish, no {@code [DONE]}), as a stream an upstream cut short at a message boundary.
 */
public record Behavior(long latencyMs, long ttftMs, int chunks, long chunkIntervalMs, int status,
                       Integer retryAfterSeconds, boolean reset, boolean hang, int breakAfter, int errorInStream,
                       List<Integer> statusSequence, String scenario, boolean usage, boolean rateLimitHeaders,
                       boolean tool, Map<String, Integer> failKeys, boolean gzip, int redirect,
                       boolean jsonToStream, String reply, boolean errorEchoesKey, int endAfter) {

    public static final int DEFAULT_CHUNKS = 8;

    public static final Behavior NONE = new Behavior(0, 0, DEFAULT_CHUNKS, 0, 0, null, false, false, -1, -1,
            List.of(), null, true, false, false, Map.of(), false, 0, false, null, false, -1);

    /** The scenario that counts a {@code status-seq}: the named one, else the sequence itself. */
    public String scenarioName() {
        return scenario != null ? scenario : "status-seq:" + statusSequence;
    }
}
