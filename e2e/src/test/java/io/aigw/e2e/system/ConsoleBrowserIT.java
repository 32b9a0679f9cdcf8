package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")), "npm ci");
        }
        assertEquals(0, run(List.of("npm", "run", "--silent", "e2e")), "console browser tests failed (see the output)");
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEBUI.toFile()).inheritIO();
        RunningSuite suite = new RunningSuite();
        builder.environment().put("AIGW_E2E_GATEWAY_URL", suite.gatewayUrl);
        builder.environment().put("CONSOLE_E2E_OUT", REPO.resolve("admin-console/target/console-e2e").toString());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
