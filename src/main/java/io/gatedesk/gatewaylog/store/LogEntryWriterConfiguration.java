package io.gatedesk.gatewaylog.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

/** Picks the {@link LogEntryWriter} for the database GateDesk runs on: COPY on PostgreSQL, INSERT elsewhere (H2). */
@Configuration(proxyBeanMethods = false)
class LogEntryWriterConfiguration {

    @Bean
    LogEntryWriter logEntryWriter(DataSource dataSource) throws MetaDataAccessException {
        return isPostgres(dataSource) ? new CopyLogEntryWriter(dataSource) : new InsertLogEntryWriter(dataSource);
    }

    static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
        return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                DatabaseMetaData::getDatabaseProductName));
    }
}
