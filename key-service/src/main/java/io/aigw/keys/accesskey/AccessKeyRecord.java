package io.aigw.keys.accesskey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the gateway resolves a public id to: the access key plus the base64 HMAC of its secret. */
public record AccessKeyRecord(@JsonUnwrapped AccessKeyResponse accessKey, String secretHash) {
}
