package io.gatedesk.ticket.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketService;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Locale;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The queue's row query (a page, the export) is built from the filter as JPA Criteria every time; Hibernate must find
 * its SQL in the plan cache instead of translating it again (a tuple selection never matched there, see
 * {@code QueueReads.RowColumns}).
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@ActiveProfiles("test")
class QueuePlanCacheTest {

    @Autowired
    private QueueReads queue;
    @Autowired
    private TicketService tickets;
    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Test
    void theSameViewAgainIsNotTranslatedAgain() {
        tickets.submit(new NewTicket("Plan cache probe", "Body", "Ann", "ann@example.com", ClientApp.CURSOR, null,
                null, "gpt-4o", null, List.of(), null, null, null, null, false, null), Locale.ENGLISH);
        QueueFilter view = new QueueFilter("active", null, null, null, null, 0);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        queue.export(view, null, 25);
        long misses = statistics.getQueryPlanCacheMissCount();
        long hits = statistics.getQueryPlanCacheHitCount();

        var rows = queue.export(view, null, 25);

        assertThat(rows).extracting(row -> row.subject()).contains("Plan cache probe");
        assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(misses);
        assertThat(statistics.getQueryPlanCacheHitCount()).isGreaterThan(hits);
    }
}
