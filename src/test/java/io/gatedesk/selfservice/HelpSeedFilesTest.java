package io.gatedesk.selfservice;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every client has a page in both languages, and the pages use only placeholders the renderer fills. */
class HelpSeedFilesTest {

    static final Path SEEDS = Path.of("templates-seed", "clients");

    @Test
    void everyClientHasAnEnglishAndAChinesePageWithKnownPlaceholdersOnly() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
        for (HelpClient client : HelpClient.values()) {
            for (String language : new String[]{"en", "zh-CN"}) {
                Path file = SEEDS.resolve(client.slug() + "." + language + ".md");
                assertThat(file).as(file.toString()).exists();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = placeholder.matcher(text);
                while (matcher.find()) {
                    assertThat(ClientHelpPages.PLACEHOLDERS).as(file + ": " + matcher.group()).contains(matcher.group(1));
                }
                assertThat(text).as(file.toString()).contains("{{client.baseUrl}}", "{{models.table}}", "{{checkUrl}}");
            }
        }
    }
}
