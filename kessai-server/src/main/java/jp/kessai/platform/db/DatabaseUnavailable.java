package jp.kessai.platform.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself — no connection, the server shutting down or restarting, a standby that is
 * not (yet) the primary — from every other failure. While PostgreSQL is unreachable, for instance between the loss of
 * a primary and the promotion of its standby, the faces answer with their "temporarily unavailable" error instead of a
 * system error: the merchant may retry, and nothing was acknowledged.
 */
public final class DatabaseUnavailable {

    /** How deep the cause chain is searched (a cycle or a very deep chain stops there). */
    private static final int MAX_CAUSES = 12;

    /**
     * SQLSTATEs that mean "the database is not there for you now": class 08 (connection exception) by prefix, and
     * admin / crash shutdown, cannot connect now, too many connections, and read-only transaction (a standby that a
     * connection reached before its promotion).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");

    private DatabaseUnavailable() {}

    /** HikariCP's answer for a pooled connection it has already closed because it broke; it carries no SQLSTATE. */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        Throwable e = failure;
        for (int i = 0; e != null && i < MAX_CAUSES && depth < MAX_CAUSES; i++) {
            // a rollback or commit that failed on the dead connection hides the failure that made it roll back
            if (e instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && causedBy(tse.getApplicationException(), depth + 1)) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() == null && POOL_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                    || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                    || e instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (e.getCause() == e) {
                return false;
            }
            e = e.getCause();
        }
        return false;
    }
}
