package io.aigw.config.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The three worked examples of the README are valid configurations. */
class ReadmeExamplesTest {

    private final CatalogView catalog = new CatalogView(
            Map.of("openrouter", true, "anthropic", false, "openai", false),
            Set.of("anthropic:claude-sonnet-4-5", "openrouter:anthropic/claude-sonnet-4.5", "openai:gpt-4o-mini"),
            Map.of("anthropic/claude-sonnet-4.5", List.of("openrouter:anthropic/claude-sonnet-4.5")),
            Map.of("gpt-4o-mini", List.of("openai:gpt-4o-mini")),
            Map.of("pk_primary0000000a", "openrouter", "pk_backup00000000b", "openrouter",
                    "pk_anthropic00000c", "anthropic", "pk_openrouter0000d", "openrouter"));

    @Test
    void shouldAcceptEveryWorkedExampleOfTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks = Pattern.compile("\\*\\*\\d\\. [^\\n]*?(?s:.*?)```json\\n(.*?)```", Pattern.DOTALL).matcher(
                readme.substring(readme.indexOf("### Worked examples")));
        List<String> examples = new ArrayList<>();
        while (blocks.find()) {
            examples.add(blocks.group(1));
        }
        assertEquals(3, examples.size(), "three worked examples");
        ObjectMapper mapper = new ObjectMapper();
        for (String example : examples) {
            ConfigurationSpec parsed = ConfigurationParser.parse(mapper.readTree(example));
            ConfigurationSpec checked = ReferenceChecker.check(parsed, catalog);
            assertEquals(parsed.name(), checked.name());
        }
    }
}
