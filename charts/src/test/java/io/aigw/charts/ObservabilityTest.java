package io.aigw.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the PrometheusRule: off by default, rendered when turned on, and every metric they query is
 * one a service really exports (its meter name in the Java sources, as Micrometer's Prometheus registry writes it).
 */
class ObservabilityTest {

    private static final Path SOURCES = AigwChart.DIR.getParent().getParent();
    private static final Pattern METER = Pattern.compile("\"((?:aigw|gen_ai)[._][a-z0-9_.]+)\"");
    private static final Pattern QUERIED = Pattern.compile("\\b((?:aigw|gen_ai)_[a-z0-9_]+)\\b");
    /** What Micrometer's Prometheus registry appends to a meter's name (counters, timers, summaries, base units). */
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_bucket", "_seconds_count",
            "_seconds_sum", "_seconds_max", "_bucket", "_count", "_sum", "_max");

    private static <T extends HasMetadata> List<T> of(String scenario, Class<T> type) {
        return AigwChart.objects(AigwChart.template(scenario)).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<ConfigMap> dashboards(String scenario) {
        return of(scenario, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().endsWith("-dashboard")).toList();
    }

    @Test
    void shouldRenderNeitherDashboardNorRulesNorTracingByDefault() {
        assertEquals(List.of(), dashboards("default"));
        assertEquals(List.of(), of("default", PrometheusRule.class));
        assertFalse(AigwChart.template("default").contains("OTEL_"), "no tracing setting without an endpoint");
    }

    @Test
    void shouldTraceEveryServiceAndTheAdminConsoleToTheOneCollector() {
        // the console is where an admin change's trace starts (its /admin/v1 proxy), so it exports like the others
        for (String component : Stream.concat(Manifests.SERVICES.stream(), Stream.of("admin-console")).toList()) {
            Map<String, String> config = Manifests.config("observability", component);
            assertEquals("false", config.get("OTEL_SDK_DISABLED"), component);
            assertEquals("http://otel-collector.monitoring.svc:4317", config.get("OTEL_EXPORTER_OTLP_ENDPOINT"), component);
            assertEquals("0.1", config.get("OTEL_TRACES_SAMPLER_ARG"), component);
        }
    }

    @Test
    void shouldCaptureContentOnlyWhenTheOperatorTurnsItOnWithTracing() {
        assertFalse(AigwChart.template("default").contains("AIGW_TRACE_CONTENT"), "content capture is off by default");
        String rendered = AigwChart.template("observability");
        assertTrue(rendered.contains("AIGW_TRACE_CONTENT: \"true\""), "tracing.captureContent turns it on");
    }

    @Test
    void shouldShipTheDashboardAsAConfigMapTheGrafanaSidecarLoads() throws IOException {
        ConfigMap dashboard = dashboards("observability").get(0);
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        assertEquals("AIGW", dashboard.getMetadata().getAnnotations().get("grafana_folder"));
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("aigw.json"));
        List<String> titles = new ArrayList<>();
        json.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        for (String expected : List.of("Request rate", "Errors", "latency", "first token", "Tokens", "Spend", "Failovers")) {
            assertTrue(titles.stream().anyMatch(t -> t.contains(expected)), "a panel about " + expected + ": " + titles);
        }
    }

    @Test
    void shouldAlertOnErrorsProvidersSpendSpoolSyncAndDeadLetters() {
        PrometheusRule rule = of("observability", PrometheusRule.class).get(0);
        assertEquals("kube-prometheus-stack", rule.getMetadata().getLabels().get("release"));
        Set<String> alerts = new TreeSet<>();
        rule.getSpec().getGroups().forEach(g -> g.getRules().forEach(r -> alerts.add(r.getAlert())));
        assertEquals(Set.of("AigwHighErrorRate", "AigwProviderFailing", "AigwSpendRateHigh", "AigwBudgetExhausting",
                "AigwBudgetCounterDrift", "AigwUsageSpoolGrowing", "AigwUsageEventsDropped", "AigwSnapshotStale",
                "AigwConsumerLag", "AigwOutboxDeadLetters", "AigwReadinessFlapping"), alerts);
        String errorRate = rules(rule).stream().filter(r -> r.getAlert().equals("AigwHighErrorRate")).findFirst()
                .orElseThrow().getExpr().getStrVal();
        assertTrue(errorRate.contains("> 0.05") && errorRate.contains("namespace=\"aigw\""), errorRate);
    }

    @Test
    void shouldQueryOnlyMetricsTheServicesExport() throws IOException {
        Set<String> exported = exportedMeters();
        assertTrue(exported.contains("aigw_requests") && exported.contains("gen_ai_client_token_usage"), exported.toString());
        List<String> queries = new ArrayList<>();
        JsonNode json = new ObjectMapper().readTree(dashboards("observability").get(0).getData().get("aigw.json"));
        json.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        rules(of("observability", PrometheusRule.class).get(0)).forEach(r -> queries.add(r.getExpr().getStrVal()));

        Set<String> unknown = new TreeSet<>();
        int names = 0;
        for (String query : queries) {
            Matcher m = QUERIED.matcher(query);
            while (m.find()) {
                names++;
                String name = m.group(1);
                if (SUFFIXES.stream().noneMatch(s -> name.endsWith(s) && exported.contains(name.substring(0,
                        name.length() - s.length())))) {
                    unknown.add(name);
                }
            }
        }
        assertTrue(names > 20, "the queries name the services' metrics");
        assertEquals(Set.of(), unknown, "metrics no service exports");
    }

    private static List<Rule> rules(PrometheusRule rule) {
        List<Rule> all = new ArrayList<>();
        rule.getSpec().getGroups().forEach(g -> all.addAll(g.getRules()));
        return all;
    }

    /** Meter names in the services' and the kit's main sources, with dots as Prometheus writes them. */
    private static Set<String> exportedMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("gateway-service", "key-service", "config-service", "model-catalog-service",
                "service-kit")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (!text.contains("io.micrometer")) {
                        continue;
                    }
                    Matcher m = METER.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }
}
