package io.aigw.gateway.support;

/** Waits until the gateway has loaded its first routing snapshot (it loads asynchronously at start). */
public final class GatewayReady {

    private GatewayReady() {
    }

    public static void await() {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            if (Management.given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("gateway not ready within 15 s");
    }
}
