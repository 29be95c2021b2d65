package jp.kessai.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import jp.kessai.platform.KessaiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded PostgreSQL and points the pool at it, unless {@code spring.datasource.url} names an external
 * database (then Spring Boot's own DataSource configuration applies and no server is started).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(KessaiProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPostgres().port());
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server, KessaiProperties properties) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl("postgres"));
        ds.setUsername(server.username());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(properties.embeddedPostgres().poolSize());
        ds.setPoolName("kessai-embedded");
        return ds;
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
