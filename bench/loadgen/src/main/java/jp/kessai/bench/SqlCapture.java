package jp.kessai.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B3's script: the exact SQL that one workload operation executes, captured from the embedded PostgreSQL's own log
 * (the harness turns on {@code log_statement=all} for the capture only), turned into a pgbench script.
 *
 * <p>It runs a few operations one at a time, slices postgres.log around each, and keeps two consecutive operations
 * whose statement sequences are identical. Parameter values that are the same in both are replayed as literals.
 * Values that differ (order ids, access ids, idempotency keys, UUIDs ...) become fresh random values of the same shape
 * per pgbench transaction, so unique constraints see new keys as they do under the real load. Ids produced by a
 * {@code RETURNING id} of the same operation are chained with pgbench's {@code \gset}, the column they feed being
 * found from the SQL and the database's foreign keys. Timestamps and large values (JSON documents) are replayed as
 * captured. Runs with {@code pgbench -M prepared}, as Kessai's driver uses server-side prepared statements: every
 * per-transaction value is a bind parameter, and so is any captured literal that contains ":name".
 *
 * <p>The operations run for the first shop of {@code --shops}. With {@code --shop-pk-lo L --shop-count N} (the bench
 * shops' primary keys are L .. L+N-1) every {@code shop_pk} value becomes {@code L + :client_id % N}: pgbench client c
 * works for one shop throughout, as connection c of the HTTP load does, so per-shop rows (concurrency slots) see the
 * same spread of clients.
 *
 * <pre>capture-sql --base URL --workload W1|W2 --log postgres.log --out script.sql --pg-port P --pg-password-file F
 *             [--shops FILE --shop-pk-lo L --shop-count N]</pre>
 */
final class SqlCapture {

    private SqlCapture() {
    }

    record Stmt(String sql, Map<Integer, String> params) {}

    private static final Pattern ENTRY = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ \\[(\\d+)\\] ([A-Z]+):  (.*)$");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d[ T].*");
    private static final Pattern SIMPLE = Pattern.compile("^[A-Za-z0-9_\\-:.]{1,64}$");
    private static final Pattern COLON_NAME = Pattern.compile(":[A-Za-z_\\x{80}-\\x{10FFFF}]");

    static void main(Map<String, String> a) throws Exception {
        URI base = URI.create(a.get("base"));
        Workload w = Workload.of(a.get("workload"), base, Integer.parseInt(a.getOrDefault("cards", "64")));
        Path log = Path.of(a.get("log"));
        Path out = Path.of(a.get("out"));
        List<List<Stmt>> ops = new ArrayList<>();
        List<String> slices = new ArrayList<>();
        Workload.Shop shop = LoadGen.shops(a).get(0);
        try (Http http = new Http(base)) {
            for (int i = 0; i < 10; i++) {
                w.run(http, shop); // warm: caches, prepared statements, provisioning
            }
            Thread.sleep(300);
            for (int i = 0; i < 6; i++) {
                long from = Files.size(log);
                w.run(http, shop);
                Thread.sleep(250);
                String text = slice(log, from, Files.size(log));
                slices.add(text);
                ops.add(parse(text));
            }
        }
        // the most frequent statement sequence (a background job's statements can fall into a slice)
        Map<String, List<Integer>> bySignature = new LinkedHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            bySignature.computeIfAbsent(signature(ops.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Integer> best = bySignature.values().stream().max((x, y) -> x.size() - y.size()).orElseThrow();
        if (best.size() < 2) {
            throw new IllegalStateException("no two operations executed the same statements; sizes "
                    + ops.stream().map(List::size).toList());
        }
        List<Stmt> prev = ops.get(best.get(best.size() - 2));
        List<Stmt> last = ops.get(best.get(best.size() - 1));
        Map<String, String> fks = foreignKeys(a);
        String shopVar = a.containsKey("shop-pk-lo")
                ? a.get("shop-pk-lo") + " + :client_id % " + a.getOrDefault("shop-count", "1") : null;
        String script = script(w.name(), prev, last, fks, Integer.parseInt(a.getOrDefault("cards", "64")), shopVar);
        Files.writeString(out, script, StandardCharsets.UTF_8);
        long commits = last.stream().filter(s -> isCommit(s.sql())).count();
        long autocommits = countAutocommits(last);
        System.out.printf("  captured %s: %d statements per operation, %d explicit transactions, %d autocommit writes"
                + " (%d of %d captured operations identical) -> %s%n", w.name(), last.size(), commits, autocommits,
                best.size(), ops.size(), out);
        int[] split = kessaiAndSimulator(last);
        System.out.printf("  %s: Kessai's own %d statements (%d without BEGIN/COMMIT) in %d transactions; the in-process"
                + " simulator's %d (%d) in %d%n", w.name(), split[0], split[1], split[2], split[3], split[4], split[5]);
        String lastSlice = slices.get(best.get(best.size() - 1));
        long named = Pattern.compile("LOG:  execute S_\\d+").matcher(lastSlice).results().count();
        long unnamed = Pattern.compile("LOG:  execute <unnamed>").matcher(lastSlice).results().count();
        long simple = Pattern.compile("LOG:  statement: ").matcher(lastSlice).results().count();
        System.out.printf("  %s after warm-up: %d statements as server-side prepared (execute S_n), %d unnamed,"
                + " %d simple queries%n", w.name(), named, unnamed, simple);
        Files.writeString(Path.of(out + ".stats"), "{\"kind\":\"capture\",\"workload\":\"" + w.name()
                + "\",\"statements\":" + last.size() + ",\"transactions\":" + commits + ",\"autocommitWrites\":"
                + autocommits + ",\"sql\":" + (split[1] + split[4]) + ",\"kessaiSql\":" + split[1]
                + ",\"kessaiStatements\":" + split[0] + ",\"kessaiTransactions\":" + split[2]
                + ",\"simulatorStatements\":" + split[3] + ",\"simulatorTransactions\":" + split[5]
                + ",\"prepared\":" + named + ",\"unnamed\":" + unnamed + ",\"simple\":" + simple
                + "}\n");
    }

    /**
     * Splits one operation's statements into Kessai's and the in-process simulator's (a transaction or autocommit
     * statement that touches a {@code sim_} table or takes a simulator lock is the simulator's): {Kessai statements,
     * the same without BEGIN/COMMIT, Kessai transactions, simulator statements, without BEGIN/COMMIT, transactions}.
     */
    static int[] kessaiAndSimulator(List<Stmt> stmts) {
        int[] r = new int[6];
        List<Stmt> tx = new ArrayList<>();
        for (Stmt s : stmts) {
            tx.add(s);
            String q = s.sql().strip().toUpperCase();
            if (q.equals("BEGIN")) {
                continue;
            }
            if (!tx.get(0).sql().strip().equalsIgnoreCase("BEGIN") || q.equals("COMMIT") || q.equals("ROLLBACK")) {
                boolean sim = tx.stream().anyMatch(t -> t.sql().matches("(?is).*\\bsim_\\w+.*")
                        || t.params().values().stream().anyMatch(v -> v != null && v.startsWith("sim-")));
                int base = sim ? 3 : 0;
                r[base] += tx.size();
                r[base + 1] += (int) tx.stream().filter(t -> !t.sql().strip().matches("(?i)BEGIN|COMMIT|ROLLBACK")).count();
                r[base + 2]++;
                tx.clear();
            }
        }
        return r;
    }

    static boolean isCommit(String sql) {
        return sql.strip().equalsIgnoreCase("COMMIT");
    }

    /** Writes outside BEGIN ... COMMIT: each one is its own commit (its own WAL flush with synchronous_commit=on). */
    static long countAutocommits(List<Stmt> stmts) {
        boolean inTx = false;
        long n = 0;
        for (Stmt s : stmts) {
            String q = s.sql().strip().toUpperCase();
            if (q.equals("BEGIN")) {
                inTx = true;
            } else if (q.equals("COMMIT") || q.equals("ROLLBACK")) {
                inTx = false;
            } else if (!inTx && (q.startsWith("INSERT") || q.startsWith("UPDATE") || q.startsWith("DELETE"))) {
                n++;
            }
        }
        return n;
    }

    static String signature(List<Stmt> stmts) {
        StringBuilder sb = new StringBuilder();
        stmts.forEach(s -> sb.append(s.sql()).append('\u0000'));
        return sb.toString();
    }

    static String slice(Path log, long from, long to) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] b = new byte[(int) (to - from)];
            f.seek(from);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static List<Stmt> parse(String text) {
        // entries: a prefixed first line, then tab-indented continuation lines
        List<String[]> entries = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else if (line.startsWith("\t") && !entries.isEmpty()) {
                String[] e = entries.get(entries.size() - 1);
                e[2] = e[2] + "\n" + line.substring(1);
            }
        }
        List<Stmt> out = new ArrayList<>();
        Map<String, Integer> lastByPid = new HashMap<>();
        for (String[] e : entries) {
            String pid = e[0];
            String kind = e[1];
            String msg = e[2];
            if (kind.equals("LOG")) {
                String sql = null;
                if (msg.startsWith("statement: ")) {
                    sql = msg.substring("statement: ".length());
                } else if (msg.startsWith("execute ")) {
                    sql = msg.substring(msg.indexOf(": ") + 2);
                }
                if (sql != null && !sql.isBlank()) {
                    out.add(new Stmt(sql.strip(), new LinkedHashMap<>()));
                    lastByPid.put(pid, out.size() - 1);
                } else {
                    lastByPid.remove(pid);
                }
            } else if (kind.equals("DETAIL") && msg.startsWith("parameters: ") && lastByPid.containsKey(pid)) {
                out.get(lastByPid.get(pid)).params().putAll(params(msg.substring("parameters: ".length())));
            }
        }
        return out;
    }

    /** {@code $1 = 'x', $2 = NULL, ...} with '' inside quoted values. A null value stands for SQL NULL. */
    static Map<Integer, String> params(String s) {
        Map<Integer, String> p = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            int dollar = s.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            int eq = s.indexOf(" = ", dollar);
            int n = Integer.parseInt(s.substring(dollar + 1, eq));
            i = eq + 3;
            if (s.startsWith("NULL", i)) {
                p.put(n, null);
                i += 4;
            } else {
                StringBuilder v = new StringBuilder();
                i++; // opening quote
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (c == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            v.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    v.append(c);
                    i++;
                }
                p.put(n, v.toString());
            }
            while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) {
                i++;
            }
        }
        return p;
    }

    /** (table.column) -> referenced table, from the database's foreign keys, via psql. */
    static Map<String, String> foreignKeys(Map<String, String> a) throws Exception {
        Map<String, String> fks = new HashMap<>();
        if (!a.containsKey("pg-port")) {
            return fks;
        }
        var pb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", a.get("pg-port"), "-U", "postgres", "-d",
                a.getOrDefault("pg-db", "postgres"), "-At", "-F", " ", "-c",
                "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text FROM pg_constraint c"
                        + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                        + " WHERE c.contype = 'f'");
        pb.environment().put("PGPASSWORD", Files.readString(Path.of(a.get("pg-password-file"))).strip());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : outText.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                fks.put(f[0] + "." + f[1], f[2]);
            }
        }
        return fks;
    }

    private static final Pattern TABLE = Pattern.compile(
            "(?is)^\\s*(?:UPDATE\\s+(\\w+)|INSERT\\s+INTO\\s+(\\w+)|SELECT.*?\\bFROM\\s+(\\w+)|DELETE\\s+FROM\\s+(\\w+))");
    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(");

    static String table(String sql) {
        Matcher m = TABLE.matcher(sql);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** The column a placeholder is compared with or inserted into, or null. */
    static String column(String sql, int n) {
        Matcher ins = INSERT.matcher(sql);
        if (ins.find()) {
            String[] cols = ins.group(2).split(",");
            List<String> vals = topLevel(sql.substring(ins.end()));
            for (int i = 0; i < vals.size() && i < cols.length; i++) {
                if (Pattern.compile("\\$" + n + "(?!\\d)").matcher(vals.get(i)).find()) {
                    return cols[i].trim();
                }
            }
        }
        Matcher m = Pattern.compile("(\\w+)\\s*=\\s*\\$" + n + "(?!\\d)").matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    /** The comma-separated items of a parenthesised list that starts at the beginning of {@code s}. */
    static List<String> topLevel(String s) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    items.add(cur.toString());
                    return items;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        items.add(cur.toString());
        return items;
    }

    static String script(String workload, List<Stmt> prev, List<Stmt> last, Map<String, String> fks, int cards,
            String shopVar) {
        Map<String, String> varOf = new LinkedHashMap<>(); // varying value -> variable
        Map<String, String> exprOf = new LinkedHashMap<>(); // variable -> SQL expression
        Map<String, String> returning = new HashMap<>(); // table -> the pgbench variable holding its returned id
        List<String> body = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            Stmt s = last.get(i);
            Stmt p = prev.get(i);
            StringBuilder sql = new StringBuilder();
            Matcher m = Pattern.compile("\\$(\\d+)").matcher(s.sql());
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                String v = s.params().get(n);
                String before = p.params().get(n);
                String replacement;
                String t = tableAt(s.sql(), m.start()); // the table this placeholder's clause works on (CTEs too)
                String col = column(s.sql(), n);
                String ref = col == null || t == null ? null : col.equals("id") ? t : fks.get(t + "." + col);
                if (v == null) {
                    replacement = "NULL";
                } else if (shopVar != null && "shop_pk".equals(col) && v.matches("\\d+")) {
                    replacement = ":zz_shop";
                } else if (v.matches("\\d+") && ref != null && returning.containsKey(ref)) {
                    replacement = ":" + returning.get(ref);
                } else if (!v.equals(before) && !TIMESTAMP.matcher(v).matches() && SIMPLE.matcher(v).matches()) {
                    String var = varOf.computeIfAbsent(v, k -> "zz_v" + (varOf.size() + 1));
                    exprOf.putIfAbsent(var, generator(v, before, cards));
                    replacement = ":" + var;
                } else if (COLON_NAME.matcher(v).find()) {
                    // pgbench -M prepared would read ":name" inside the literal as a variable: pass it as one
                    String var = varOf.computeIfAbsent("\u0000" + v, k -> "zz_c" + (varOf.size() + 1));
                    exprOf.putIfAbsent(var, "'" + v.replace("'", "''").replace(":", "' || chr(58) || '") + "'");
                    replacement = ":" + var;
                } else {
                    replacement = "'" + v.replace("'", "''") + "'";
                }
                m.appendReplacement(sql, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sql);
            String text = sql.toString();
            String prefix = "zz_r" + (i + 1) + "_";
            Map<String, String> returned = returnedIds(text, prefix);
            if (!returned.isEmpty()) {
                returning.putAll(returned);
                body.add(text + " \\gset " + prefix);
            } else {
                body.add(text + ";");
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("-- B3: the SQL of one ").append(workload).append(" operation, captured from Kessai's PostgreSQL log\n")
                .append("-- (log_statement=all) by bench/run.sh; regenerated by every run. Per-transaction values:\n")
                .append("-- fresh random ids of the captured shape; RETURNING ids chained with \\gset.\n")
                .append("-- Run with pgbench -M prepared.\n");
        if (shopVar != null) {
            out.append("\\set zz_shop ").append(shopVar).append('\n');
        }
        if (!exprOf.isEmpty()) {
            out.append("SELECT ");
            boolean first = true;
            for (var e : exprOf.entrySet()) {
                out.append(first ? "" : ",\n       ").append(e.getValue()).append(" AS ").append(e.getKey());
                first = false;
            }
            out.append(" \\gset\n");
        }
        body.forEach(b -> out.append(b).append('\n'));
        return out.toString();
    }

    private static final Pattern TABLE_AT = Pattern.compile(
            "(?is)\\b(?:UPDATE\\s+(\\w+)|INSERT\\s+INTO\\s+(\\w+)|DELETE\\s+FROM\\s+(\\w+)|FROM\\s+(\\w+))");
    private static final Pattern CTE = Pattern.compile("(?is)(?:\\bWITH|,)\\s*(\\w+)\\s+AS\\s*\\(");

    /**
     * The table named by the last {@code UPDATE}, {@code INSERT INTO}, {@code DELETE FROM} or {@code FROM} before
     * {@code pos}, skipping the statement's own CTE names: the table a placeholder's clause works on, also inside a
     * {@code WITH} statement whose CTEs touch several tables.
     */
    static String tableAt(String sql, int pos) {
        Map<String, String> ctes = cteTables(sql);
        Matcher m = TABLE_AT.matcher(sql.substring(0, pos));
        String found = null;
        while (m.find()) {
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null && !ctes.containsKey(m.group(g).toLowerCase())) {
                    found = m.group(g);
                }
            }
        }
        return found;
    }

    /** A {@code WITH} statement's CTE names and the table each one writes or reads. */
    static Map<String, String> cteTables(String sql) {
        Map<String, String> ctes = new LinkedHashMap<>();
        if (!sql.stripLeading().regionMatches(true, 0, "WITH", 0, 4)) {
            return ctes;
        }
        Matcher m = CTE.matcher(sql);
        while (m.find()) {
            String body = sql.substring(m.end());
            String t = table(body);
            if (t != null) {
                ctes.put(m.group(1).toLowerCase(), t);
            }
        }
        return ctes;
    }

    /**
     * The ids a statement returns, as (table -> pgbench variable under {@code prefix}): a plain statement's
     * {@code RETURNING} with an id; for a {@code WITH} statement, its final {@code INSERT/UPDATE … RETURNING} or its
     * final {@code SELECT} of {@code alias.id AS name} and {@code alias.*} items (alias = a CTE).
     */
    static Map<String, String> returnedIds(String sql, String prefix) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> ctes = cteTables(sql);
        String tail = sql;
        if (!ctes.isEmpty()) {
            int end = 0; // the text after the last CTE: follow "name AS ( … )" while a comma chains another
            Matcher cte = Pattern.compile("(?is)^\\s*(?:WITH\\s+|,\\s*)\\w+\\s+AS\\s*\\(").matcher(sql);
            while (cte.region(end, sql.length()).lookingAt()) {
                int depth = 1;
                int k = cte.end();
                while (k < sql.length() && depth > 0) {
                    char c = sql.charAt(k++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                end = k;
            }
            tail = sql.substring(end).strip();
            Matcher select = Pattern.compile("(?is)^SELECT\\s+(.*?)\\s+FROM\\b").matcher(tail);
            if (select.find()) {
                for (String item : select.group(1).split(",")) {
                    Matcher star = Pattern.compile("(?i)^\\s*(\\w+)\\.\\*\\s*$").matcher(item);
                    Matcher id = Pattern.compile("(?i)^\\s*(\\w+)\\.id\\s+AS\\s+(\\w+)\\s*$").matcher(item);
                    if (star.find() && ctes.containsKey(star.group(1).toLowerCase())) {
                        ids.put(ctes.get(star.group(1).toLowerCase()), prefix + "id");
                    } else if (id.find() && ctes.containsKey(id.group(1).toLowerCase())) {
                        ids.put(ctes.get(id.group(1).toLowerCase()), prefix + id.group(2));
                    }
                }
                return ids;
            }
        }
        String t = table(tail);
        if (t != null && returnsId(tail)) {
            ids.put(t, prefix + "id");
        }
        return ids;
    }

    /** {@code RETURNING *}, {@code RETURNING id} or a RETURNING list with an {@code id} column. */
    static boolean returnsId(String sql) {
        Matcher m = Pattern.compile("(?is)\\bRETURNING\\b(.*)$").matcher(sql);
        if (!m.find()) {
            return false;
        }
        String list = m.group(1).strip();
        return list.equals("*") || Pattern.compile("(?i)(^|,)\\s*id\\s*(,|$)").matcher(list).find();
    }

    static String generator(String v, String other, int cards) {
        int len = v.length();
        if (v.matches("88800000\\d{8}")) {
            // W2's card pool (Workload.W2.cardNo): a random existing card, as the load spreads over the pool
            return "'88800000' || lpad(floor(random() * " + cards + ")::int::text, 8, '0')";
        }
        if (UUID.matcher(v).matches()) {
            return "gen_random_uuid()::text";
        }
        if (v.matches("\\d+")) {
            StringBuilder e = new StringBuilder("substr(");
            for (int k = 0; k * 15 < len; k++) {
                e.append(k == 0 ? "" : " || ").append("lpad(floor(random() * 1e15)::bigint::text, 15, '0')");
            }
            return e.append(", 1, ").append(len).append(")").toString();
        }
        if (v.matches("[0-9a-f]+")) {
            return "substr(md5(random()::text) || md5(random()::text), 1, " + len + ")";
        }
        int common = 0;
        if (other != null) {
            while (common < Math.min(v.length(), other.length()) && v.charAt(common) == other.charAt(common)) {
                common++;
            }
        }
        common = Math.min(common, Math.max(0, len - 12)); // at least 12 random characters: keys stay unique
        // a ":name" inside a literal would be read by pgbench -M prepared as a variable (the 'sim-card:e…' prefix
        // of run 20261201T020701Z aborted B3): spell the colon as chr(58)
        String prefix = v.substring(0, common).replace("'", "''").replace(":", "' || chr(58) || '");
        return "'" + prefix + "' || substr(md5(random()::text) || md5(random()::text), 1, " + (len - common) + ")";
    }
}
