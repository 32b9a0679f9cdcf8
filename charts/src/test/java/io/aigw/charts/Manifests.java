package io.aigw.charts;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Small read helpers over rendered, typed objects. */
final class Manifests {

    static final List<String> SERVICES = List.of("gateway-service", "key-service", "config-service", "model-catalog-service");

    /** Environment variables that carry secret material: they may only come from a secretKeyRef. */
    static final Set<String> SECRET_ENV = Set.of("AIGW_ADMIN_TOKEN", "AIGW_SERVICE_TOKEN", "AIGW_GATEWAY_TOKEN", "AIGW_KEY_PEPPER",
            "AIGW_MASTER_KEY", "AIGW_MASTER_KEY_ID", "AIGW_PREVIOUS_MASTER_KEYS", "AIGW_DB_PASSWORD", "QUARKUS_REDIS_PASSWORD",
            "KAFKA_SASL_JAAS_CONFIG", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "ACCESS_KEY");

    private static final Pattern SECRET_VALUE_KEY = Pattern.compile("(?i).*(token|pepper|masterkeys?|password)");

    private Manifests() {
    }

    static String name(String component) {
        return AigwChart.RELEASE + "-" + component;
    }

    /** The pod template of a workload, or the spec of a bare Pod; empty for other kinds. */
    static Optional<PodSpec> podSpec(HasMetadata object) {
        if (object instanceof Deployment d) {
            return Optional.of(d.getSpec().getTemplate().getSpec());
        }
        if (object instanceof StatefulSet s) {
            return Optional.of(s.getSpec().getTemplate().getSpec());
        }
        if (object instanceof Pod p) {
            return Optional.of(p.getSpec());
        }
        return Optional.empty();
    }

    static Optional<PodTemplateSpec> podTemplate(HasMetadata object) {
        if (object instanceof Deployment d) {
            return Optional.of(d.getSpec().getTemplate());
        }
        if (object instanceof StatefulSet s) {
            return Optional.of(s.getSpec().getTemplate());
        }
        return Optional.empty();
    }

    static Container container(String scenario, String component) {
        return AigwChart.object(scenario, Deployment.class, name(component))
                .getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    /** The data of a service's ConfigMap (its non-secret environment). */
    static Map<String, String> config(String scenario, String component) {
        return AigwChart.object(scenario, io.fabric8.kubernetes.api.model.ConfigMap.class, name(component)).getData();
    }

    /** Every non-empty secret value a scenario file sets (tokens, pepper, master key, passwords). */
    static List<String> secretValues(JsonNode values) {
        List<String> found = new ArrayList<>();
        collectSecretValues(values, "", found);
        return found;
    }

    private static void collectSecretValues(JsonNode node, String field, List<String> found) {
        if (node.isObject() && !field.equals("existingSecretKeys")) {
            node.fields().forEachRemaining(f -> collectSecretValues(f.getValue(), f.getKey(), found));
        } else if (node.isTextual() && !node.asText().isEmpty() && SECRET_VALUE_KEY.matcher(field).matches()) {
            found.add(node.asText());
        }
    }
}
