package io.gatedesk.gatewaylog;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A match asked for on its own (the API's lookup, the log search) reads without a transaction of its own: opening and
 * committing one around a single indexed lookup took longer than the lookup. Inside a caller's transaction it joins
 * that one. (Same context configuration as QueuePageTransactionTest, so the two share one.)
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LogMatchTransactionTest {

    @Autowired
    LogMatchService matches;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMatchOnItsOwnOpensNoTransactionAndInsideOneJoinsIt() {
        MatchQuery query = new MatchQuery(List.of("no-such-" + UUID.randomUUID()), List.of(), Instant.now(), null,
                null, null);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getTransactionCount();

        assertThat(matches.find(query)).isEmpty();
        assertThat(statistics.getTransactionCount() - before).isZero();

        transactions.executeWithoutResult(status -> assertThat(matches.find(query)).isEmpty());
        assertThat(statistics.getTransactionCount() - before).isEqualTo(1);
    }
}
