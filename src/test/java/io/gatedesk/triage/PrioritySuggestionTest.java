package io.gatedesk.triage;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.Priority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrioritySuggestionTest {

    @Test
    void productionComesBeforeHighCostBeforeTestBeforePersonal() {
        for (ErrorCategory category : ErrorCategory.values()) {
            Priority production = PrioritySuggestion.of(category, CallerType.PRODUCTION);
            Priority highCost = PrioritySuggestion.of(category, CallerType.HIGH_COST);
            Priority test = PrioritySuggestion.of(category, CallerType.TEST);
            Priority personal = PrioritySuggestion.of(category, CallerType.PERSONAL);
            assertThat(production).isLessThan(highCost);
            assertThat(highCost).isLessThan(test);
            assertThat(test).isLessThanOrEqualTo(personal);
        }
    }

    @Test
    void gatewaySideFailuresAreOneStepMoreUrgentThanSettingsTheCustomerCanFix() {
        assertThat(PrioritySuggestion.of(ErrorCategory.UPSTREAM_ERROR, CallerType.PRODUCTION)).isEqualTo(Priority.P1);
        assertThat(PrioritySuggestion.of(ErrorCategory.WRONG_BASE_URL, CallerType.PRODUCTION)).isEqualTo(Priority.P2);
        assertThat(PrioritySuggestion.of(ErrorCategory.INVALID_KEY, null)).isEqualTo(Priority.P3);
        assertThat(PrioritySuggestion.of(ErrorCategory.OTHER, CallerType.PERSONAL)).isEqualTo(Priority.P4);
    }
}
