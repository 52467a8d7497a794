package io.gatedesk.demo;

import io.gatedesk.demo.TicketGenerator.GeneratedTicket;
import io.gatedesk.ticket.NewTicket;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TicketGeneratorTest {

    /** A full key: {@code sk-} followed by 20 or more key characters (masked forms break the run with * or …). */
    private static final Pattern FULL_KEY = Pattern.compile("sk-[A-Za-z0-9_-]{20,}");
    private static final Pattern ONE_API_REQUEST_ID = Pattern.compile("20\\d{12}\\d{1,9}\\d{8}");
    private static final Pattern CHAT_COMPLETION_ID = Pattern.compile("chatcmpl-[A-Za-z0-9]{29}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static ValidatorFactory validatorFactory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    @Test
    void sameSeedGivesTheSameTickets() {
        assertThat(new TicketGenerator(7).next(200)).isEqualTo(new TicketGenerator(7).next(200));
        assertThat(new TicketGenerator(7).next(50)).isNotEqualTo(new TicketGenerator(8).next(50));
    }

    @Test
    void ticketsPassTheFormsValidationInBothLanguages() {
        List<GeneratedTicket> tickets = new TicketGenerator(42).next(1000);

        assertThat(tickets).allSatisfy(generated -> {
            NewTicket ticket = generated.ticket();
            assertThat(validator.validate(ticket)).as(ticket.subject()).isEmpty();
            assertThat(ticket.client()).isNotNull();
            assertThat(ticket.clientVersion()).isNotBlank();
            assertThat(ticket.model()).isNotBlank();
            assertThat(ticket.callerType()).isNotNull();
            assertThat(ticket.requestTime()).isNotNull();
            assertThat(ZoneId.of(ticket.requestTimeZone())).isNotNull();
            if (ticket.baseUrl() != null) {
                assertThat(ticket.baseUrl()).startsWith("https://");
            }
            assertThat(ticket.requestIds()).allSatisfy(id -> assertThat(
                    ONE_API_REQUEST_ID.matcher(id).matches() || CHAT_COMPLETION_ID.matcher(id).matches())
                    .as(id).isTrue());
        });
        assertThat(tickets).filteredOn(t -> t.locale().getLanguage().equals("zh"))
                .hasSizeGreaterThan(300)
                .allSatisfy(t -> assertThat(HAN.matcher(t.ticket().subject() + t.ticket().description()).find()).isTrue());
        assertThat(tickets).filteredOn(t -> t.locale().equals(Locale.ENGLISH))
                .hasSizeGreaterThan(300)
                .allSatisfy(t -> assertThat(HAN.matcher(t.ticket().subject()).find()).isFalse());
        assertThat(tickets).extracting(GeneratedTicket::family).containsAll(EnumSet.allOf(ProblemFamily.class));
        assertThat(tickets).extracting(t -> t.ticket().baseUrl()).filteredOn(Objects::nonNull)
                .anyMatch(url -> url.contains("/v1/v1")).anyMatch(url -> !url.contains("/v1"));
    }

    @Test
    void neverEmitsAFullKey() {
        assertThat(new TicketGenerator(99).next(5000)).allSatisfy(generated -> {
            NewTicket ticket = generated.ticket();
            String everything = String.join("\n", Stream.concat(Stream.of(ticket.subject(), ticket.description(),
                            ticket.customerName(), ticket.customerEmail(), ticket.clientVersion(), ticket.baseUrl(),
                            ticket.model(), ticket.maskedKey(), ticket.errorMessage()), ticket.requestIds().stream())
                    .filter(Objects::nonNull).toList());
            assertThat(FULL_KEY.matcher(everything).find()).as(everything).isFalse();
            if (ticket.maskedKey() != null) {
                assertThat(ticket.maskedKey()).matches("sk-(\\w{4}\\*{12}\\w{4}|\\w{3}\\*{3}\\w{3}|\\.\\.\\.\\w{4})");
            }
        });
    }
}
