package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real headless browser over the running suite: Debian's chromium driven by playwright-core
 * (admin-console/src/main/webui/e2e, one Node process for all the browser tests). Runs last: it adds a provider key,
 * imports the OpenRouter sample and makes sim-key-1 fail once (401) to fail over. Screenshots are written to
 * admin-console/target/console-e2e; the process's output is in this test's report.
 */
@Order(9)
class ConsoleBrowserIT {

    /** Failsafe runs in the e2e module's folder. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path WEBUI = REPO.resolve("admin-console/src/main/webui");

    @Test
    void shouldPassEveryConsoleBrowserTest() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))),
                "chromium is missing: 'deploy/local/stack test' installs it (apt-get install -y chromium)");
        if (!Files.isDirectory(WEBUI.resolve("node_modules/playwright-core"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"));
            assertEquals(0, install.exit(), "npm ci:\n" + install.output());
        }
        Run tests = run(List.of("npm", "run", "--silent", "e2e"));
        assertEquals(0, tests.exit(), "console browser tests failed:\n" + tests.failures());
    }

    private record Run(int exit, List<String> output) {
        String failures() {
            return String.join("\n", output.stream().filter(line -> !line.startsWith("PASS ")).toList());
        }
    }

    /** Runs a command in the console's folder; its output goes to this test's report, line by line. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEBUI.toFile()).redirectErrorStream(true);
        RunningSuite suite = new RunningSuite();
        builder.environment().put("AIGW_E2E_GATEWAY_URL", suite.gatewayUrl);
        builder.environment().put("CONSOLE_E2E_OUT", REPO.resolve("admin-console/target/console-e2e").toString());
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("[console-e2e] " + line);
                output.add(line);
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output);
        }
        return new Run(process.exitValue(), output);
    }
}
