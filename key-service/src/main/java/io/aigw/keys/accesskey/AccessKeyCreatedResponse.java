package io.aigw.keys.accesskey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The create response: the only place the full token ever appears. */
public record AccessKeyCreatedResponse(@JsonUnwrapped AccessKeyResponse accessKey, String token) {

    @Override
    public String toString() {
        return "AccessKeyCreatedResponse[" + accessKey.id() + ", token=[REDACTED]]";
    }
}
