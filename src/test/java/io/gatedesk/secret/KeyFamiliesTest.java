package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.gatedesk.secret.family.KeyFamilies;
import io.gatedesk.secret.family.KeyFamily;
import org.junit.jupiter.api.Test;

class KeyFamiliesTest {

    @Test
    void everyFamilyIsReportedAsAKindAndCitesWhereItsFormatComesFrom() {
        for (KeyFamily family : KeyFamilies.all()) {
            assertThat(Arrays.stream(SecretKind.values()).map(Enum::name)).as(family.kind()).contains(family.kind());
            assertThat(family.source()).as(family.kind()).startsWith("https://");
        }
    }
}
