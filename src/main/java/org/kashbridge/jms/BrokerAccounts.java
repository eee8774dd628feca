package org.kashbridge.jms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.kashbridge.config.GeneratedBrokerAccount;
import org.kashbridge.config.KashConfig;
import org.kashbridge.secret.SecretMask;

/**
 * Who may do what on the embedded broker: the bridge (all), and the ERPs and shops (send to the ingest queue, read
 * the results queue and their own temporary reply queues). The dead-letter queue, with its customer data, is the
 * bridge's only. Users are held in memory (Artemis's simple security manager): there are two, both from settings.
 */
final class BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class);
    static final String BRIDGE_ROLE = "bridge";
    static final String CLIENT_ROLE = "client";

    private BrokerAccounts() {
    }

    static ActiveMQSecurityManagerImpl users(KashConfig kash) {
        ActiveMQSecurityManagerImpl users = new ActiveMQSecurityManagerImpl();
        // the bridge's account as quarkus.artemis.* resolve it: the configured one, or the one generated for this
        // start (GeneratedBrokerAccount), so the bridge's connection factory and the broker agree
        String user = ConfigProvider.getConfig().getValue("quarkus.artemis.username", String.class);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.artemis.password", String.class)
                .orElseThrow(() -> new IllegalStateException("KASH_BROKER_USER (kash.broker.user) is set but "
                        + "KASH_BROKER_PASSWORD (kash.broker.password) is not: set both, or neither (the bridge then "
                        + "uses an account of its own, generated at each start, on its embedded broker)"));
        users.getConfiguration().addUser(user, password);
        users.getConfiguration().addRole(user, BRIDGE_ROLE);
        String client = kash.broker().clientUser();
        if (client.equals(user)) {
            throw new IllegalStateException("KASH_BROKER_CLIENT_USER (kash.broker.client-user) names the bridge's own "
                    + "account (KASH_BROKER_USER, or " + GeneratedBrokerAccount.USER + "): give the clients another");
        }
        users.getConfiguration().addUser(client, clientPassword(kash));
        users.getConfiguration().addRole(client, CLIENT_ROLE);
        return users;
    }

    /** Security settings by address match; Artemis applies the most specific match only, not a merge. */
    static Map<String, Set<Role>> roles(KashConfig kash) {
        Role bridge = new Role(BRIDGE_ROLE, true, true, true, true, true, true, true, true, true, true);
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        // anything else: a client may create, read and delete its own temporary reply queue (a temporary queue
        // is an address of its own, named by the client library, hence address creation on every name)
        roles.put("#", Set.of(bridge, role(false, true, true, false)));
        roles.put(kash.jms().queue(), Set.of(bridge, role(true, false, false, false)));
        roles.put(kash.jms().resultsQueue(), Set.of(bridge, role(false, true, false, true)));
        roles.put(kash.jms().dlq(), Set.of(bridge));
        return roles;
    }

    private static Role role(boolean send, boolean consume, boolean temporaryQueues, boolean browse) {
        return new Role(CLIENT_ROLE, send, consume, false, false, temporaryQueues, temporaryQueues, false, browse,
                temporaryQueues, false);
    }

    static Path clientPasswordFile(KashConfig kash) {
        return Path.of(kash.broker().dataDir()).toAbsolutePath().resolve("client-password");
    }

    /** KASH_BROKER_CLIENT_PASSWORD, else the generated one, written once (owner-only) on the first start. */
    static String clientPassword(KashConfig kash) {
        if (kash.broker().clientPassword().isPresent()) {
            return kash.broker().clientPassword().get();
        }
        Path file = clientPasswordFile(kash);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                // written aside (owner-only), then renamed: a crash never leaves an empty or half-written password
                Path aside = file.resolveSibling(file.getFileName() + ".new");
                Files.deleteIfExists(aside);
                try {
                    Files.createFile(aside, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(aside);
                }
                Files.writeString(aside, GeneratedBrokerAccount.random() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("generated the password of the broker's client account into %s", file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to have a new password generated, or "
                        + "set KASH_BROKER_CLIENT_PASSWORD (kash.broker.client-password)");
            }
            SecretMask.addGenerated(password); // not a setting, so no mask knows it otherwise
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("the broker's client password could not be read or written at " + file
                    + ": " + e.getMessage() + " (or set KASH_BROKER_CLIENT_PASSWORD)", e);
        }
    }
}
