package org.kashbridge.ledger;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the ledger: the journal under the data dir (default) or a JDBC database (kash.ledger.type=jdbc). */
@ApplicationScoped
public class LedgerProducer {

    @ConfigProperty(name = "kash.ledger.type")
    String type;
    @ConfigProperty(name = "kash.ledger.file")
    String file;
    @ConfigProperty(name = "kash.ledger.jdbc.url")
    Optional<String> url;
    @ConfigProperty(name = "kash.ledger.jdbc.user")
    Optional<String> user;
    @ConfigProperty(name = "kash.ledger.jdbc.password")
    Optional<String> password;

    @Produces
    @ApplicationScoped
    EditLedger ledger() {
        return switch (type) {
            case "journal" -> new JournalLedger(Path.of(file));
            case "jdbc" -> new JdbcLedger(url.orElseThrow(() -> new IllegalStateException(
                    "kash.ledger.type=jdbc needs KASH_LEDGER_JDBC_URL")), user.orElse(null), password.orElse(null));
            default -> throw new IllegalStateException("KASH_LEDGER_TYPE must be journal or jdbc, got '" + type + "'");
        };
    }

    void close(@jakarta.enterprise.inject.Disposes EditLedger ledger) {
        ledger.close();
    }
}
