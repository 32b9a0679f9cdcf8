package io.aigw.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.console.proxy.AdminRoute;
import io.aigw.console.proxy.AdminRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The route table against the admin resources the owning services declare in their code. */
class AdminRoutesTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Map<String, String> OWNERS = Map.of("key", "key-service", "config", "config-service",
            "catalog", "model-catalog-service");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"(/admin/v1[^\"]*)\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"(/[^\"]+)\"\\)");

    @Test
    void shouldRouteEveryAdminResourceOfEachServiceToThatService() {
        OWNERS.forEach((owner, module) -> {
            List<String> paths = adminPaths(REPO.resolve(module).resolve("src/main/java"));
            assertFalse(paths.isEmpty(), module);
            for (String path : paths) {
                AdminRoute route = AdminRoutes.find(path).orElse(null);
                assertTrue(route != null, path + " of " + module + " has no route");
                assertEquals(owner, route.owner(), path + " of " + module);
            }
        });
    }

    @Test
    void shouldReachEachServicesOutboxDeadLettersOnItsOwnPath() {
        assertTrue(adminPaths(REPO.resolve("service-kit/src/main/java")).contains("/admin/v1/outbox/dead-letters"));
        OWNERS.keySet().forEach(owner -> {
            AdminRoute route = AdminRoutes.find("/admin/v1/services/" + owner + "/outbox/dead-letters").orElseThrow();
            assertEquals(owner, route.owner());
        });
    }

    @Test
    void shouldMatchWholeSegmentsAndCustomMethodsOnly() {
        assertEquals("config", AdminRoutes.find("/admin/v1/configurations:validate").orElseThrow().owner());
        assertEquals("key", AdminRoutes.find("/admin/v1/provider-keys:rewrap").orElseThrow().owner());
        assertTrue(AdminRoutes.find("/admin/v1/modelsx").isEmpty());
        assertTrue(AdminRoutes.find("/admin/v1").isEmpty());
    }

    /** Class-level /admin/v1… paths, and below a bare /admin/v1 class path its method paths. */
    private static List<String> adminPaths(Path sources) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher m = PATH.matcher(text);
                while (m.find()) {
                    if (m.group(1).equals("/admin/v1")) {
                        Matcher methods = METHOD_PATH.matcher(text.substring(m.end()));
                        while (methods.find()) {
                            found.add("/admin/v1" + methods.group(1));
                        }
                    } else {
                        found.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
