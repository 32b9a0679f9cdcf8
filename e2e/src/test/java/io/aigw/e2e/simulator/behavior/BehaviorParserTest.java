package io.aigw.e2e.simulator.behavior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviorParserTest {

    @Test
    void shouldReadStatusSequenceWhoseValuesAreSeparatedByCommas() {
        Behavior behavior = BehaviorParser.parse(null, "status-seq=429,429,200,scenario=retry,retry-after=1");

        assertEquals(List.of(429, 429, 200), behavior.statusSequence());
        assertEquals("retry", behavior.scenario());
        assertEquals(1, behavior.retryAfterSeconds());
    }

    @Test
    void shouldAcceptSemicolonsInStatusSequence() {
        assertEquals(List.of(500, 200), BehaviorParser.parse("status-seq=500;200", null).statusSequence());
    }

    @Test
    void shouldLetTheModelScriptOverrideTheHeaderScript() {
        Behavior behavior = BehaviorParser.parse("status=500,chunks=3", "status=429");

        assertEquals(429, behavior.status());
        assertEquals(3, behavior.chunks());
    }

    @Test
    void shouldReadEveryDirective() {
        Behavior behavior = BehaviorParser.parse("latency-ms=5,ttft-ms=6,chunks=7,chunk-interval-ms=8,reset=0,hang=false,"
                + "break-after=2,error-in-stream=3,usage=0,ratelimit-headers=1,tool=true,fail-key=sk-a:401,"
                + "fail-key=sk-b:429", null);

        assertEquals(5, behavior.latencyMs());
        assertEquals(6, behavior.ttftMs());
        assertEquals(7, behavior.chunks());
        assertEquals(8, behavior.chunkIntervalMs());
        assertFalse(behavior.reset());
        assertFalse(behavior.hang());
        assertEquals(2, behavior.breakAfter());
        assertEquals(3, behavior.errorInStream());
        assertFalse(behavior.usage());
        assertTrue(behavior.rateLimitHeaders());
        assertTrue(behavior.tool());
        assertEquals(Map.of("sk-a", 401, "sk-b", 429), behavior.failKeys());
    }

    @Test
    void shouldReturnNoBehaviorForBlankScripts() {
        assertSame(Behavior.NONE, BehaviorParser.parse(null, " "));
        assertEquals(8, Behavior.NONE.chunks());
        assertNull(Behavior.NONE.retryAfterSeconds());
    }

    @Test
    void shouldRejectUnknownDirectivesAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("explode=1", null));
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("status=abc", null));
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("status=42", null));
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("latency-ms=-1", null));
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("fail-key=nokey", null));
        assertThrows(IllegalArgumentException.class, () -> BehaviorParser.parse("hang", null));
    }

    @Test
    void shouldSplitTheModelAtItsFirstAt() {
        assertEquals(new ScriptedModel("gpt-4o-mini", "status=429,retry-after=1"),
                ScriptedModel.of("gpt-4o-mini@status=429,retry-after=1"));
        assertEquals(new ScriptedModel("google/gemma-3-27b-it:free", null), ScriptedModel.of("google/gemma-3-27b-it:free"));
    }
}
