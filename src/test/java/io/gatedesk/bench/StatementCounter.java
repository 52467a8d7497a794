package io.gatedesk.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the application sends to the database, for benchmarks that print where the time goes: JDBC round trips
 * (an executed statement or batch) and statements (a batch counts each of its rows). A datasource proxy without a
 * library: register it as a bean in a benchmark's test configuration and read {@link #snapshot()} around a section.
 */
public class StatementCounter implements BeanPostProcessor {

    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();

    public record Counts(long roundTrips, long statements) {
        public Counts minus(Counts before) {
            return new Counts(roundTrips - before.roundTrips, statements - before.statements);
        }

        @Override
        public String toString() {
            return roundTrips + " round trips, " + statements + " statements";
        }
    }

    public Counts snapshot() {
        return new Counts(roundTrips.get(), statements.get());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (method, result) -> method.getName().equals("getConnection")
                    ? proxy(Connection.class, (Connection) result, this::statementOf) : result);
        }
        return bean;
    }

    private Object statementOf(Method method, Object result) {
        if (!(result instanceof Statement statement)) {
            return result;
        }
        Class<?> type = method.getReturnType();
        return proxy(type, statement, (called, value) -> {
            String name = called.getName();
            if (name.equals("addBatch")) {
                statements.incrementAndGet();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                roundTrips.incrementAndGet();
            } else if (name.startsWith("execute")) {
                roundTrips.incrementAndGet();
                statements.incrementAndGet();
            }
            return value;
        });
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, After after) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> {
                    try {
                        return after.apply(method, method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
