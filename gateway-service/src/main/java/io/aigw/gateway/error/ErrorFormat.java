package io.aigw.gateway.error;

/** Which envelope an error is written in: the client surface's family. */
public enum ErrorFormat {
    /** `{"error":{"message","type","param","code"}}` */
    OPENAI,
    /** `{"type":"error","error":{"type","message"}}` */
    ANTHROPIC,
    /** `{"error":{"code","message","status"}}` (Google's APIs, the Gemini surface) */
    GOOGLE
}
