package org.kashbridge.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.kashbridge.faults.Processes;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.TestFiles;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded ledger with many past keys against an empty one (bench/run.sh --ledger-keys): start to ready,
 * idle RSS, and the CSV drop's rate and CPU per edit at 0 ms Kash latency, where the ledger's cost shows most.
 * The past keys are SUCCEEDED rows of this run's Kash target, within retention, as months of a busy shop leave.
 */
public final class LedgerSizeBench {

    private LedgerSizeBench() {
    }

    public static void main(String[] args) throws Exception {
        int pastKeys = Integer.parseInt(System.getProperty("bench.pastKeys", "5000000"));
        int edits = Integer.parseInt(System.getProperty("bench.edits", "8000"));
        int inFlight = Integer.parseInt(System.getProperty("bench.inFlight", "16"));
        Path root = Bench.ROOT.resolve("ledger-keys");
        TestFiles.deleteTree(Bench.ROOT);
        Bench.simPort = FreePortResource.freePort();
        Process simulator = Processes.simulator(Bench.ROOT, Bench.simPort, Bench.SHOP, Bench.KEY);
        StringBuilder md = new StringBuilder();
        try {
            Bench.plan(0);
            Bench.BridgeRun empty = Bench.bridgeIn(root.resolve("empty"), EditGenerator.edits(1, edits, 3, 0.2,
                    30_000_000), inFlight);
            Path full = root.resolve("full");
            long t0 = System.nanoTime();
            fill(full.resolve("data/ledger/ledger.db"), pastKeys,
                    "http://127.0.0.1:" + Bench.simPort + "|" + Bench.SHOP);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            long size = Files.size(full.resolve("data/ledger/ledger.db"));
            Bench.plan(0);
            Bench.BridgeRun big = Bench.bridgeIn(full, EditGenerator.edits(2, edits, 3, 0.2, 40_000_000), inFlight);
            md.append("# Ledger size\n\nDate: ").append(LocalDate.now())
                    .append(". Command: `bench/run.sh --ledger-keys` (")
                    .append(edits).append(" edits per file, 0 ms Kash latency, each bridge warmed with ")
                    .append(Bench.warmupEdits(edits)).append(" edits). Past keys written in ")
                    .append(String.format("%.0f s", fillSeconds)).append(", ledger.db ").append(size >> 20)
                    .append(" MB.\n\n| ledger | start to ready (ms) | idle RSS (MB) | edits/s | CPU s per 1,000 | peak RSS (MB) |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (var r : List.of(Map.entry("empty", empty), Map.entry(String.format("%,d past keys", pastKeys), big))) {
                Bench.BridgeRun b = r.getValue();
                md.append(String.format("| %s | %.0f | %.0f | %.0f | %.2f | %.0f |%n", r.getKey(), b.startupMs(),
                        b.idleRssMb(), b.rate(), b.cpuSecondsPer1000(), b.peakRssMb()));
            }
            Files.writeString(Bench.ROOT.resolve("RESULTS-ledger.md"), md.toString(), StandardCharsets.UTF_8);
            System.out.println(md);
        } finally {
            Processes.stop(simulator);
        }
    }

    /** {@code n} SUCCEEDED keys of {@code target} in a migrated ledger, written in one transaction (no fsync). */
    static void fill(Path db, int n, String target) throws Exception {
        Files.createDirectories(db.getParent());
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db + "?journal_mode=WAL&synchronous=OFF");
        Flyway.configure().dataSource(ds).locations("classpath:db/ledger").load().migrate();
        Random random = new Random(7);
        long now = System.currentTimeMillis();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kash_edit (target, edit_key, state, order_id, "
                    + "fingerprint, outcome, edit, attempts, owner, claim, created_at, updated_at) VALUES "
                    + "(?, ?, 'SUCCEEDED', ?, ?, ?, ?, 1, NULL, NULL, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long order = 1_000_000_000L + i;
                    long when = now - (long) (random.nextDouble() * 80L * 86_400_000L); // the last 80 days
                    ps.setString(1, target);
                    ps.setString(2, "file:" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                            + "#" + order);
                    ps.setLong(3, order);
                    ps.setString(4, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                    ps.setString(5, "{\"status\":\"OK\",\"editKey\":\"" + order + "\",\"orderID\":" + order
                            + ",\"quote\":\"https://kash.click/pdf/quote-" + order + ".pdf\"}");
                    ps.setString(6, "{\"orderID\":" + order + ",\"payment\":-2,\"itemsList\":[\"Free_1.50_Item " + order
                            + "\",\"Free_2.50_Other\"]}");
                    ps.setLong(7, when);
                    ps.setLong(8, when);
                    ps.addBatch();
                    if (i % 50_000 == 49_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }
}
