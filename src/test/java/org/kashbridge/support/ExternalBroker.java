package org.kashbridge.support;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * A broker the bridge does not own (KASH_BROKER_EMBEDDED=false): Artemis in the test JVM on a free port, with a
 * password and a persistent journal, which a test can stop and start again under the running bridge.
 */
public class ExternalBroker implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "ext-bridge";
    public static final String PASSWORD = "ext-bridge-password";
    private static final Path DIR = Path.of("target/external-broker");
    private static int port;
    private static EmbeddedActiveMQ broker;

    @Override
    public Map<String, String> start() {
        TestFiles.deleteTree(DIR);
        port = FreePortResource.freePort();
        up();
        return Map.of("kash.broker.embedded", "false",
                "kash.broker.url", url() + "?consumerWindowSize=8192",
                "kash.broker.user", USER, "kash.broker.password", PASSWORD);
    }

    public static String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts it (on the same journal) unless it is running. */
    public static synchronized void up() {
        if (broker != null) {
            return;
        }
        try {
            Configuration config = new ConfigurationImpl().setName("external").setPersistenceEnabled(true)
                    .setSecurityEnabled(true)
                    .setJournalDirectory(DIR.resolve("journal").toString())
                    .setBindingsDirectory(DIR.resolve("bindings").toString())
                    .setPagingDirectory(DIR.resolve("paging").toString())
                    .setLargeMessagesDirectory(DIR.resolve("large-messages").toString());
            config.addAcceptorConfiguration("tcp", url());
            config.putSecurityRoles("#", java.util.Set.of(new org.apache.activemq.artemis.core.security.Role("all",
                    true, true, true, true, true, true, true, true, true, true)));
            ActiveMQSecurityManagerImpl users = new ActiveMQSecurityManagerImpl();
            users.getConfiguration().addUser(USER, PASSWORD);
            users.getConfiguration().addRole(USER, "all");
            broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(users);
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("external test broker did not start", e);
        }
    }

    public static synchronized void down() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void stop() {
        try {
            down();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
