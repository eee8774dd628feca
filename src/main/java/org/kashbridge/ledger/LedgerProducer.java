package org.kashbridge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.flyway.FlywayDataSource.FlywayDataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;

/**
 * Opens the ledger: the embedded SQLite file under the data dir (default, one bridge) or PostgreSQL (several
 * bridges), both Agroal datasources whose schema Flyway creates and upgrades. Waits for the database when
 * it does not answer at start (readiness DOWN meanwhile) instead of failing.
 */
@ApplicationScoped
public class LedgerProducer {

    private static final Logger LOG = Logger.getLogger(LedgerProducer.class);
    static final String EMBEDDED = "ledger-embedded";
    static final String POSTGRESQL = "ledger-postgresql";

    @Inject
    KashConfig kash;
    @Inject
    LedgerAvailability availability;
    @Inject
    org.kashbridge.kash.KashTarget target;
    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;
    @Inject
    @Any
    Instance<Flyway> flyways;

    private FileChannel lockFile;
    private FileLock lock;

    private volatile java.util.concurrent.CompletableFuture<EditLedger> opening;

    /** Opening starts on its own thread as soon as Camel begins to configure: it overlaps Camel's start-up. */
    void begin(@jakarta.enterprise.event.Observes org.apache.camel.quarkus.main.events.BeforeConfigure event) {
        if (!kash.check()) {
            start();
        }
    }

    /** Opened at start-up: the bridge is not ready, and fails to start, without it; a check never opens it. */
    void opened(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        if (!kash.check()) {
            ledger();
        }
    }

    private synchronized java.util.concurrent.CompletableFuture<EditLedger> start() {
        if (opening == null) {
            opening = java.util.concurrent.CompletableFuture.supplyAsync(this::open,
                    task -> new Thread(task, "kash-ledger-open").start());
        }
        return opening;
    }

    /**
     * Opened at start-up (the application is ready, and fails to start, with it): a wrong setting stops the bridge
     * before anything is read.
     */
    @Produces
    @ApplicationScoped
    EditLedger ledger() {
        try {
            return start().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private EditLedger open() {
        boolean embedded = embedded(kash.ledger().type());
        String name = embedded ? EMBEDDED : POSTGRESQL;
        if (embedded) {
            lockDir(Path.of(kash.ledger().dir()));
        }
        AgroalDataSource pool = dataSource(name);
        availability.describe(embedded ? "the ledger " + Path.of(kash.ledger().dir()).resolve("ledger.db")
                : "the ledger database " + withoutQuery(pool.getConfiguration().connectionPoolConfiguration()
                        .connectionFactoryConfiguration().jdbcUrl()));
        if (!current(pool)) {
            migrate(name);
        }
        return open(pool, embedded, kash.ledger().lease().toMillis(), availability,
                embedded ? Path.of(kash.ledger().dir()) : null, target.namespace());
    }

    /** The ledger on a migrated datasource; {@code journalDir}: where an old journal may wait to be imported. */
    public static EditLedger open(javax.sql.DataSource pool, boolean embedded, long leaseMillis,
            LedgerAvailability availability,
            Path journalDir, String target) {
        LedgerStore store = embedded ? new SerialWriterStore(pool, availability) : new PooledStore(pool, availability);
        if (journalDir != null) {
            JournalImport.run(journalDir, store, target);
        }
        LedgerInstance instance = new LedgerInstance(leaseMillis);
        instance.start(store, embedded);
        return new EditLedger(store, instance);
    }

    static boolean embedded(String type) {
        return switch (type.trim().toLowerCase()) {
            case "embedded", "journal" -> true;
            case "postgresql", "jdbc" -> false;
            default -> throw new IllegalStateException("KASH_LEDGER_TYPE (kash.ledger.type) must be embedded or "
                    + "postgresql, got '" + type + "'");
        };
    }

    AgroalDataSource dataSource(String name) {
        Instance<AgroalDataSource> ds = dataSources.select(new DataSourceLiteral(name));
        if (POSTGRESQL.equals(name) && kash.ledger().jdbc().url().filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("KASH_LEDGER_TYPE=postgresql needs KASH_LEDGER_JDBC_URL "
                    + "(jdbc:postgresql://host:5432/database), KASH_LEDGER_JDBC_USER and KASH_LEDGER_JDBC_PASSWORD");
        }
        return ds.get();
    }

    /** The newest migration in db/ledger (LedgerSchemaTest keeps it equal to the newest V file). */
    static final String SCHEMA_VERSION = "1";

    /**
     * True when Flyway's history says the schema is at {@link #SCHEMA_VERSION}: Flyway is then not started at all
     * (its start costs about half a second, most of a restart's time). A new or older schema goes through Flyway.
     */
    private boolean current(AgroalDataSource pool) {
        try (var c = pool.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = " + (c.getMetaData()
                        .getDatabaseProductName().toLowerCase().contains("sqlite") ? "1" : "true")
                        + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() && SCHEMA_VERSION.equals(rs.getString(1));
        } catch (java.sql.SQLException e) {
            return false; // no history yet, or the database does not answer: Flyway waits for it and tells
        }
    }

    /** Flyway's migration, run here rather than at start-up so that an unreachable database is waited for. */
    private void migrate(String name) {
        Flyway flyway = flyways.select(FlywayDataSourceLiteral.of(name)).get();
        long delay = LedgerAvailability.FIRST_DELAY_MS;
        while (true) {
            try {
                flyway.migrate();
                availability.answered();
                return;
            } catch (RuntimeException e) {
                if (!LedgerErrors.isTransient(e)) {
                    throw e;
                }
                availability.failed(e);
                delay = LedgerAvailability.pause(delay);
            }
        }
    }

    /** One bridge per embedded ledger: a second one on the same data dir would share its inbox and claims. */
    private void lockDir(Path ledgerDir) {
        try {
            Files.createDirectories(ledgerDir);
            lockFile = FileChannel.open(ledgerDir.resolve("bridge.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockFile.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another kash-bridge is running on " + ledgerDir.toAbsolutePath()
                        + " (it holds bridge.lock): stop it, or give this one its own KASH_DATA_DIR; several bridges "
                        + "share a PostgreSQL ledger (KASH_LEDGER_TYPE=postgresql)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger folder " + ledgerDir.toAbsolutePath(), e);
        }
    }

    static String withoutQuery(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    void close(@Disposes EditLedger ledger) {
        ledger.close();
        try {
            if (lock != null) {
                lock.release();
                lockFile.close();
            }
        } catch (IOException e) {
            LOG.debugf("ledger lock: %s", e.getMessage());
        }
    }
}
