package io.gatedesk.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

/** Every scheduled job runs on one node at a time, and the lock is really taken when the scheduler calls it. */
@SpringBootTest
@ActiveProfiles("test")
class JobLocksTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyScheduledJobCarriesAClusterLockSaveThoseThatArePerNodeByDesign() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.gatedesk");
        methods().that().areAnnotatedWith(Scheduled.class)
                // Each node reports its own running imports: every node must run it.
                .and().doNotHaveFullName("io.gatedesk.gatewaylog.LogImportService.heartbeat()")
                .should().beAnnotatedWith(SchedulerLock.class)
                .because("with several nodes an unlocked job runs on every node at once (docs/deployment.md)")
                .check(production);
    }

    /**
     * A lock held at least longer than a job's configurable interval would silently stretch that interval (a mail
     * poll set to 10 s would run every 30 s): such jobs hold their lock at least one second, no more.
     */
    @Test
    void aJobWithAConfigurableIntervalHoldsItsLockNoLongerThanASecondAfterwards() {
        List<String> checked = new ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.gatedesk")) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                Scheduled scheduled = method.getAnnotation(Scheduled.class);
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                if (scheduled == null || lock == null || scheduled.fixedDelayString().isEmpty()) {
                    continue;
                }
                assertThat(java.time.Duration.parse(lock.lockAtLeastFor()))
                        .as(type.getSimpleName() + "." + method.getName()).isLessThanOrEqualTo(java.time.Duration.ofSeconds(1));
                checked.add(lock.name());
            }
        }
        assertThat(checked).contains("mail-inbound-poll", "mail-sla-warnings", "incident-log-spikes", "triage-sweep",
                "metrics-rollup", "mail-outbox");
    }

    @Test
    void callingALockedJobThroughItsBeanTakesItsLockRowInTheDatabase() throws Exception {
        List<String> names = new ArrayList<>();
        for (String beanName : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(beanName);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("io.gatedesk.")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                if (lock == null) {
                    continue;
                }
                // As the scheduler calls it: on the bean the context hands out, the proxy if there is one.
                assertThat(AopUtils.isAopProxy(bean)).as(type.getSimpleName() + " is proxied").isTrue();
                ReflectionUtils.makeAccessible(method);
                try {
                    method.invoke(bean);
                } catch (InvocationTargetException jobFailed) {
                    // What the job itself does on an empty database is not the point here; its lock is.
                }
                names.add(lock.name());
            }
        }
        assertThat(names).contains("triage-sweep", "mail-outbox", "incident-log-spikes", "login-throttle-forget",
                "log-retention", "log-partitions-ahead");
        List<String> rows = jdbc.queryForList("SELECT name FROM " + JobLocks.TABLE, String.class);
        assertThat(rows).containsAll(names);
    }
}
