package io.aigw.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** values.yaml documents each value with a bitnami-style `## @param path description` line, and only real ones. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE);

    @Test
    void shouldDocumentEveryValueWithAParamLineAndNoValueThatDoesNotExist() throws IOException {
        Path file = AigwChart.DIR.resolve("values.yaml");
        Set<String> documented = new TreeSet<>();
        Matcher m = PARAM.matcher(Files.readString(file));
        while (m.find()) {
            documented.add(m.group(1));
        }
        JsonNode values = new YAMLMapper().readTree(file.toFile());

        List<String> undocumented = new ArrayList<>();
        collectUndocumented(values, "", documented, undocumented);
        List<String> unknown = documented.stream().filter(p -> values.at("/" + p.replace('.', '/')).isMissingNode()).toList();

        assertEquals(List.of(), undocumented, "values without a ## @param line");
        assertEquals(List.of(), unknown, "## @param lines naming no value");
    }

    /** A value counts as documented when it, or an enclosing block, has a @param line. */
    private static void collectUndocumented(JsonNode node, String path, Set<String> documented, List<String> out) {
        if (!path.isEmpty() && documented.contains(path)) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(f ->
                    collectUndocumented(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), documented, out));
        } else {
            out.add(path);
        }
    }
}
