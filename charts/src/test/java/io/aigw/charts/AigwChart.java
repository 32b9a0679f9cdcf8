package io.aigw.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chart under test, driven through helm-java (Helm embedded as a native library: no binary, no cluster).
 * Renders are cached per values file so that each scenario is templated once per test run.
 */
final class AigwChart {

    static final String RELEASE = "aigw";
    static final String NAMESPACE = "aigw";
    /** Capabilities to render against (helm template alone assumes v1.20, below the chart's kubeVersion). */
    static final String KUBE_VERSION = "1.31.0";

    static final Path DIR = Path.of(System.getProperty("aigw.chart.dir", "aigw")).toAbsolutePath().normalize();

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization KUBE = new KubernetesSerialization();
    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private AigwChart() {
    }

    /** The scenario names of {@code ci/<name>-values.yaml}. */
    static Stream<String> scenarios() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-values.yaml"))
                    .map(n -> n.substring(0, n.length() - "-values.yaml".length()))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path scenarioFile(String scenario) {
        return DIR.resolve("ci").resolve(scenario + "-values.yaml");
    }

    /** {@code helm template} with one values file; throws IllegalStateException when Helm refuses. */
    static String template(Path valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, f -> new Helm(DIR).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(f)
                .call());
    }

    static String template(String scenario) {
        return template(scenarioFile(scenario));
    }

    /**
     * {@code helm lint --strict -f <values>}. helm-java's lint takes no values file, so the scenario is merged
     * over the chart's values.yaml (Helm's own rule: maps merge, everything else replaces) in a copy of the chart.
     */
    static LintResult lintStrict(Path valuesFile, Path workDir) {
        try {
            Path copy = workDir.resolve("aigw");
            copyTree(DIR, copy);
            JsonNode merged = merge(YAML.readTree(DIR.resolve("values.yaml").toFile()), YAML.readTree(valuesFile.toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * helm-java's template prints the release manifest only, without hooks. To check the {@code helm test} pod, the
     * chart is copied with its hook annotations removed, so that the pod renders as an ordinary manifest.
     */
    static String templateWithTestHooks(String scenario, Path workDir) {
        try {
            Path copy = workDir.resolve("aigw");
            copyTree(DIR, copy);
            try (Stream<Path> tests = Files.list(copy.resolve("templates").resolve("tests"))) {
                for (Path test : (Iterable<Path>) tests::iterator) {
                    String text = Files.readString(test).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\R", "");
                    Files.writeString(test, text);
                }
            }
            return new Helm(copy).template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(scenarioFile(scenario))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NOTES.txt a user sees after {@code helm install} (client-only dry run). */
    static String notes(String scenario) {
        String output = new Helm(DIR).install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(scenarioFile(scenario))
                .clientOnly()
                .dryRun()
                .call()
                .getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** The rendered documents as raw YAML, in output order, without empty ones. */
    static List<String> documents(String rendered) {
        List<String> docs = new ArrayList<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            boolean empty = doc.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
            if (!empty) {
                docs.add(doc);
            }
        }
        return docs;
    }

    /** Every rendered document as a fabric8 typed object. */
    static List<HasMetadata> objects(String rendered) {
        return documents(rendered).stream().map(d -> (HasMetadata) KUBE.unmarshal(d)).toList();
    }

    static List<HasMetadata> objects(Path valuesFile) {
        return objects(template(valuesFile));
    }

    static <T extends HasMetadata> List<T> objects(String scenario, Class<T> type) {
        return objects(template(scenario)).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T object(String scenario, Class<T> type, String name) {
        return objects(scenario, type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + scenario));
    }

    static JsonNode values(String scenario) {
        try {
            return YAML.readTree(scenarioFile(scenario).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode target) || !override.isObject()) {
            return override;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            target.set(field.getKey(), current == null ? field.getValue() : merge(current, field.getValue()));
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
