package io.gatedesk.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/** Picks where buckets are counted from the database in use: PostgreSQL can be shared by nodes, H2 cannot. */
@Configuration(proxyBeanMethods = false)
class RateBucketsConfig {

    @Bean
    RateBuckets rateBuckets(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new PostgresRateBuckets(dataSource) : new LocalRateBuckets();
    }
}
