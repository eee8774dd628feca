package org.kashbridge.bench;

import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL for a bench run with -Dbench.ledger=postgresql; a database per bridge. */
final class PostgresForBench {

    private static EmbeddedPostgres postgres;

    private PostgresForBench() {
    }

    static synchronized Map<String, String> ledgerEnv(String bridge) throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        String db = "bench_" + bridge.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db);
            st.execute("CREATE DATABASE " + db);
        }
        return Map.of("KASH_LEDGER_TYPE", "postgresql", "KASH_LEDGER_JDBC_URL", "jdbc:postgresql://127.0.0.1:"
                + postgres.getPort() + "/" + db, "KASH_LEDGER_JDBC_USER", "postgres", "KASH_LEDGER_JDBC_PASSWORD", "");
    }

    static synchronized void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
