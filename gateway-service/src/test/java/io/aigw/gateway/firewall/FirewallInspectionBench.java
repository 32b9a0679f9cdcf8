package io.aigw.gateway.firewall;

import static io.aigw.gateway.firewall.FirewallFixtures.enforce;
import static io.aigw.gateway.firewall.FirewallFixtures.pii;
import static io.aigw.gateway.firewall.FirewallFixtures.regex;

import io.aigw.gateway.firewall.FirewallPolicyDoc.RuleDoc;
import io.aigw.gateway.routing.Surface;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: the repeatable harness behind the firewall figure in the gateway README (run by
 * {@code e2e/bench/firewall}). One thread, a warm-up, then rounds of request inspections of a 4 KiB chat prompt
 * against a policy of 20 rules (12 case-insensitive regex rules, 8 pii detectors); prints µs per request and per
 * KiB for each round and their median.
 */
public final class FirewallInspectionBench {

    private FirewallInspectionBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        List<String> detectors = List.of("email", "phone", "creditCard", "iban", "ipAddress", "usSsn", "ukNino", "secret");
        RuleDoc[] rules = new RuleDoc[20];
        for (int i = 0; i < 12; i++) {
            rules[i] = regex("re" + i, "hardDeny", "block", "(?i)forbidden-word-" + i + "\\b");
        }
        for (int i = 0; i < 8; i++) {
            rules[12 + i] = pii("pii" + i, "audit", List.of(detectors.get(i)));
        }
        Firewall firewall = enforce(rules);
        Firewall regexOnly = enforce(Arrays.copyOfRange(rules, 0, 12));
        Firewall piiOnly = enforce(Arrays.copyOfRange(rules, 12, 20));
        String prompt = "The quarterly report covers revenue, churn and hiring plans for the next period. ".repeat(60)
                .substring(0, 4096);
        byte[] body = ("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}").getBytes(StandardCharsets.UTF_8);
        run(firewall, body, 3.0); // warm-up
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            micros[r] = run(firewall, body, seconds);
            System.out.printf("round %d: %.2f us per request (%.2f us per KiB)%n", r + 1, micros[r], micros[r] / 4);
        }
        Arrays.sort(micros);
        double median = micros[rounds / 2];
        System.out.printf("median: %.2f us per 4 KiB request, %.2f us per KiB (20 rules: 12 regex, 8 pii)%n",
                median, median / 4);
        System.out.printf("parts, one round each: 12 regex rules %.2f us, 8 pii detectors %.2f us%n",
                run(regexOnly, body, seconds), run(piiOnly, body, seconds));
    }

    private static double run(Firewall firewall, byte[] body, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (RequestInspector.inspect(firewall, Surface.CHAT_COMPLETIONS, body, body.length).blocked() != null) {
                    throw new IllegalStateException("the benchmark prompt must pass");
                }
            }
            n += 100;
        }
        return (System.nanoTime() - start) / 1_000.0 / n;
    }
}
