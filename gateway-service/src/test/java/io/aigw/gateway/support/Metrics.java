package io.aigw.gateway.support;

/** Reads one series from the gateway's `/q/metrics` (0 when absent), and waits for one to change. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code series}, written as in the scrape: `name{label="value",...}`. */
    public static double value(String series) {
        for (String line : Management.given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /** Waits (up to 10 s) until {@code series} is at least {@code atLeast}; fails the test otherwise. */
    public static void awaitAtLeast(String series, double atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (value(series) < atLeast) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError(series + " did not reach " + atLeast);
            }
            Thread.sleep(20);
        }
    }
}
