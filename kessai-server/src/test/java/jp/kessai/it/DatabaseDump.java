package jp.kessai.it;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every value of every column of every user table, as text (bytea as lowercase hex): what a dump would show. */
final class DatabaseDump {

    private DatabaseDump() {}

    static String everyColumn(JdbcClient jdbc) {
        var columns = jdbc.sql("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                  FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                 ORDER BY 1, 2, c.ordinal_position""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        StringBuilder dump = new StringBuilder();
        for (List<String> column : columns) {
            String name = "\"" + column.get(2).replace("\"", "\"\"") + "\"";
            String value = column.get(3).equals("bytea") ? "encode(" + name + ", 'hex')" : name + "::text";
            String table = "\"" + column.get(0) + "\".\"" + column.get(1) + "\"";
            String values = jdbc.sql("SELECT coalesce(string_agg(" + value + ", '|'), '') FROM " + table).query(String.class).single();
            dump.append(column.get(1)).append('.').append(column.get(2)).append('=').append(values).append('\n');
        }
        return dump.toString();
    }
}
