package io.gatedesk.cluster;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Every {@code @Scheduled} job that must run once across the cluster carries {@code @SchedulerLock}: the node that
 * takes the job's row in {@code shedlock} (V33) runs it, the others skip that turn. A node that dies mid-run holds the
 * row until its {@code lockAtMostFor} lease ends. ShedLock rather than Spring Integration's {@code JdbcLockRegistry}:
 * a skipped turn is what a scheduled job wants (the registry's locks wait, and need a renewal thread to outlive a
 * long job), it is one annotation per job instead of lock/unlock code in each, and it brings one small jar instead of
 * Spring Integration's core. Lock times come from the database clock, so skewed node clocks do not matter.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class JobLocks {

    /** The table that holds one row per job (V33). */
    public static final String TABLE = "shedlock";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .usingDbTime()
                .build());
    }
}
