package jp.kessai.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the books straight from PostgreSQL, beside Kessai: the simulators' own ledgers (what the acquirer and the
 * centers executed) and Kessai's journal. A connection per question, so a restarted database is simply reconnected.
 */
record Ledger(String jdbcUrl, String user, String password) {

    /** The embedded PostgreSQL of a Kessai data directory started with {@code kessai.embedded-postgres.port=port}. */
    static Ledger embedded(Path dataDir, int port) {
        try {
            String password = Files.readString(dataDir.resolve("pg-superuser-password"), StandardCharsets.US_ASCII).strip();
            return new Ledger("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long number(String sql, Object... params) {
        List<List<String>> rows = rows(sql, params);
        return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : Long.parseLong(rows.get(0).get(0));
    }

    List<List<String>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger query failed: " + e.getMessage(), e);
        }
    }

    /** Journal rows still waiting for an outcome (PENDING or UNKNOWN): none may be left once reconciled. */
    List<List<String>> unsettled() {
        return rows("""
                SELECT o.payment_method, o.order_id, a.operation, a.state, a.started_at::text
                  FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE a.state IN ('PENDING', 'UNKNOWN') ORDER BY a.started_at""");
    }
}
