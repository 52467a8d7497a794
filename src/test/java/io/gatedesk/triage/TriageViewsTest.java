package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What pages show of a classification: the confidence as a rounded percentage and the message keys of a category. */
class TriageViewsTest {

    @Test
    void confidenceIsShownAsARoundedWholePercentage() {
        assertThat(new Classification(ErrorCategory.RATE_LIMITED, 0.876, List.of()).confidencePercent()).isEqualTo(88);
        assertThat(new Classification(ErrorCategory.RATE_LIMITED, 0.874, List.of()).confidencePercent()).isEqualTo(87);
        assertThat(new TicketTriage(1, ErrorCategory.OTHER, ErrorCategory.OTHER, 0.005, List.of(), null, false, null,
                null).confidencePercent()).isEqualTo(1);
        assertThat(Classification.nothingMatched().confidencePercent()).isZero();
    }

    @Test
    void aCategoryNamesItsMessageKeys() {
        assertThat(ErrorCategory.BILLING.nameKey()).isEqualTo("category.BILLING.name");
        assertThat(ErrorCategory.BILLING.descriptionKey()).isEqualTo("category.BILLING.description");
    }
}
