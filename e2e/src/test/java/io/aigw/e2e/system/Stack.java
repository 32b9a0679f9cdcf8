package io.aigw.e2e.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's script ({@code AIGW_E2E_STACK}, i.e. {@code deploy/local/stack}): stops and
 * starts single components (kafka, gateway-N) so that tests can take a part of the suite away.
 * {@code start} returns once the component is ready.
 */
final class Stack {

    private static final long TIMEOUT_MINUTES = 4;

    private Stack() {
    }

    static void stop(String component) {
        run("stop", component);
    }

    static void start(String component) {
        run("start", component);
    }

    /**
     * Stops and starts a component with extra environment for the stack script ({@code AIGW_OTLP_ENDPOINT} and
     * the like); an empty value removes the variable.
     */
    static void restart(String component, Map<String, String> environment) {
        run("restart", component, environment);
    }

    private static void run(String command, String component) {
        run(command, component, Map.of());
    }

    private static void run(String command, String component, Map<String, String> environment) {
        String script = System.getenv("AIGW_E2E_STACK");
        if (script == null || script.isBlank() || !Files.isExecutable(Path.of(script))) {
            throw new IllegalStateException("AIGW_E2E_STACK must name deploy/local/stack: run these tests through 'deploy/local/stack test'");
        }
        List<String> line = new ArrayList<>(List.of(script, command, component));
        System.out.printf("[stack] %s %s%n", command, component);
        try {
            // The output is copied through System.out: a child writing to the forked test JVM's own
            // stdout would corrupt failsafe's channel.
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
            environment.forEach((name, value) -> {
                if (value.isEmpty()) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            Thread copier = new Thread(() -> copyOutput(process), "stack-output");
            copier.setDaemon(true);
            copier.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("stack " + command + " " + component + " did not finish in " + TIMEOUT_MINUTES + " min");
            }
            copier.join(TimeUnit.SECONDS.toMillis(5));
            if (process.exitValue() != 0) {
                throw new AssertionError("stack " + command + " " + component + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void copyOutput(Process process) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(text -> System.out.println("[stack] " + text));
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[stack] (output lost: " + e.getMessage() + ")");
        }
    }
}
