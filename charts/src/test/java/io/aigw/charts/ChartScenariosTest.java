package io.aigw.charts;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code ci/*-values.yaml} scenario lints strictly, renders, and renders only valid Kubernetes objects. */
class ChartScenariosTest {

    private static final Path RENDERED = Path.of("target", "rendered");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldPassStrictLint(String scenario, @TempDir Path workDir) {
        LintResult result = AigwChart.lintStrict(AigwChart.scenarioFile(scenario), workDir);

        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aigw.charts.AigwChart#scenarios")
    void shouldRenderOnlyDocumentsThatParseIntoTypedKubernetesObjectsWithoutUnknownFields(String scenario)
            throws IOException {
        // Kept for review: target/rendered/<scenario>.yaml
        Files.createDirectories(RENDERED);
        Files.writeString(RENDERED.resolve(scenario + ".yaml"), AigwChart.template(scenario));
        List<String> documents = AigwChart.documents(AigwChart.template(scenario));
        List<HasMetadata> objects = AigwChart.objects(AigwChart.template(scenario));

        assertEquals(documents.size(), objects.size());
        assertTrue(objects.size() >= 17, "four services render at least ConfigMap, Deployment, Service, PDB each");
        for (HasMetadata object : objects) {
            String id = object.getKind() + "/" + object.getMetadata().getName();
            assertFalse(object instanceof GenericKubernetesResource, id + " did not map to a typed fabric8 class");
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(object, id, unknown, 0);
            assertTrue(unknown.isEmpty(), "fields the Kubernetes API does not know: " + unknown);
        }
    }

    /** fabric8 keeps fields it does not know in additionalProperties: a typo like `readinesProbe` lands there. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown, int depth) {
        if (node == null || depth > 40) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, depth + 1));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown, depth + 1);
            }
        }
    }
}
