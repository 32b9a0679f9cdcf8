package io.aigw.kit.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An internal endpoint only the gateway may call: the caller must present the gateway token, not the service token
 * every service holds ({@link GatewayOnlyFilter}). key-service's decrypted provider keys are the one such endpoint.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GatewayOnly {
}
