package io.aigw.keys.admintoken;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The create response: the only place the full admin token ever appears. */
public record AdminTokenCreatedResponse(@JsonUnwrapped AdminTokenResponse adminToken, String token) {

    @Override
    public String toString() {
        return "AdminTokenCreatedResponse[" + adminToken.id() + ", token=[REDACTED]]";
    }
}
