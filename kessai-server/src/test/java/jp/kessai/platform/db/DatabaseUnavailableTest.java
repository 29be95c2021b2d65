package jp.kessai.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Battery finding: with the primary gone and its standby not yet promoted, the faces answered 500 / E91099999. A
 * database that cannot be reached is told apart from every other failure, whatever Spring or the pool wraps it in.
 */
class DatabaseUnavailableTest {

    private static SQLException state(String sqlState) {
        return new SQLException("x", sqlState);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
        // connection refused / broken (class 08), shut down (57P01, 57P02), starting up (57P03), a standby (25006)
        for (String sqlState : new String[] {"08001", "08006", "57P01", "57P02", "57P03", "53300", "25006"}) {
            assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException("t", "sql", state(sqlState))))
                    .as(sqlState).isTrue();
            assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(new RuntimeException(state(sqlState)))))
                    .as("deeper: " + sqlState).isTrue();
        }
    }

    /** Battery finding: a commit on a connection the pool had closed answered 500 while the primary was gone. */
    @Test
    void aCommitOnAConnectionThePoolClosedIsUnavailable() {
        var commit = new org.springframework.transaction.TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causedBy(commit)).isTrue();
        var rollback = new org.springframework.transaction.TransactionSystemException("rollback failed");
        rollback.initApplicationException(new IllegalStateException(state("08006")));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Connection is closed", "XX000"))).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate", state("23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException("t", "sql", state("42P01")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException("t", "sql", state(null)))).isFalse();
        RuntimeException loop = new RuntimeException();
        loop.initCause(new RuntimeException(loop));
        assertThat(DatabaseUnavailable.causedBy(loop)).isFalse();
    }
}
