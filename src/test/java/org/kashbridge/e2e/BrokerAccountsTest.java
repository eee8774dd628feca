package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kashbridge.support.Jms;
import org.kashbridge.support.TestSettings;

/**
 * The embedded broker takes no anonymous client, and the ERPs' account may only send edits and read outcomes:
 * it cannot take edits off the ingest queue, read the dead letters (customer data) or publish fake outcomes.
 */
@QuarkusTest
class BrokerAccountsTest {

    @Inject
    ConnectionFactory bridge;

    private static String url() {
        return "tcp://127.0.0.1:" + ConfigProvider.getConfig().getValue("kash.broker.port", Integer.class);
    }

    private static ActiveMQConnectionFactory client() {
        return new ActiveMQConnectionFactory(url(), "kash-client", TestSettings.CLIENT_PASSWORD);
    }

    @Test
    void anonymousAndWrongPasswordsAreRefusedOnCoreAndStomp() throws Exception {
        try (ActiveMQConnectionFactory anonymous = new ActiveMQConnectionFactory(url())) {
            assertThrows(JMSSecurityRuntimeException.class, () -> anonymous.createContext().close());
        }
        try (ActiveMQConnectionFactory wrong = new ActiveMQConnectionFactory(url(), "kash-client", "guess")) {
            assertThrows(JMSSecurityRuntimeException.class, () -> wrong.createContext().close());
        }
        try (ActiveMQConnectionFactory bridgeName = new ActiveMQConnectionFactory(url(), "kash-bridge", "")) {
            assertThrows(JMSSecurityRuntimeException.class, () -> bridgeName.createContext().close());
        }
        assertTrue(stompConnect("").startsWith("ERROR"), "STOMP without login");
        assertTrue(stompConnect("login:kash-client\npasscode:guess\n").startsWith("ERROR"), "STOMP, wrong passcode");
        assertTrue(stompConnect("login:kash-client\npasscode:" + TestSettings.CLIENT_PASSWORD + "\n")
                .startsWith("CONNECTED"), "STOMP with the client account");
    }

    @Test
    void theClientAccountSendsEditsAndReadsOutcomesOnItsTemporaryReplyQueue() throws Exception {
        try (ActiveMQConnectionFactory cf = client(); JMSContext ctx = cf.createContext()) {
            TemporaryQueue replies = ctx.createTemporaryQueue();
            var m = ctx.createTextMessage("{\"orderID\":25001,\"payment\":-2}");
            m.setJMSReplyTo(replies);
            m.setJMSCorrelationID("accounts-25001");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            Message reply = ctx.createConsumer(replies).receive(20_000);
            assertNotNull(reply, "no outcome on the client's temporary queue");
            assertEquals("OK", reply.getStringProperty("KashEditStatus"));
        }
    }

    @Test
    void aReplyToNamingTheDlqOrTheIngestQueueGetsTheOutcomeOnTheResultsQueueInstead() throws Exception {
        try (ActiveMQConnectionFactory cf = client(); JMSContext ctx = cf.createContext()) {
            String[] targets = {"kash.order-edits.DLQ", "kash.order-edits"};
            for (int i = 0; i < targets.length; i++) {
                var m = ctx.createTextMessage("{\"orderID\":" + (25010 + i) + ",\"payment\":-2}");
                m.setJMSReplyTo(ctx.createQueue(targets[i]));
                m.setJMSCorrelationID("accounts-reply-" + i);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
            var results = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"),
                    "JMSCorrelationID LIKE 'accounts-reply-%'");
            for (int i = 0; i < targets.length; i++) {
                assertNotNull(results.receive(20_000), "outcome " + i + " not on the results queue");
            }
        }
        // nothing was published for these senders on the DLQ or the ingest queue
        assertEquals(null, Jms.receive(bridge, "kash.order-edits.DLQ", "JMSCorrelationID LIKE 'accounts-reply-%'",
                1000));
    }

    @Test
    void theClientAccountCannotTakeEditsReadDeadLettersOrPublishOutcomes() throws Exception {
        try (ActiveMQConnectionFactory cf = client(); JMSContext ctx = cf.createContext()) {
            refused("consume the ingest queue", () -> ctx.createConsumer(ctx.createQueue("kash.order-edits")));
            refused("consume the DLQ", () -> ctx.createConsumer(ctx.createQueue("kash.order-edits.DLQ")));
            refused("browse the DLQ",
                    () -> ctx.createBrowser(ctx.createQueue("kash.order-edits.DLQ")).getEnumeration());
            refused("publish an outcome", () -> ctx.createProducer().send(ctx.createQueue("kash.order-edits.results"),
                    "{\"status\":\"OK\"}"));
            refused("write to the DLQ", () -> ctx.createProducer().send(ctx.createQueue("kash.order-edits.DLQ"), "{}"));
            refused("create a queue", () -> ctx.createProducer().send(ctx.createQueue("somewhere.else"), "{}"));
        }
    }

    /** Refused by the broker's security (not failing for another reason). */
    private static void refused(String what, Executable action) {
        Throwable t = assertThrows(Throwable.class, action, what);
        assertTrue(t instanceof JMSSecurityRuntimeException || t instanceof JMSSecurityException, what + ": " + t);
    }

    private static String stompConnect(String credentials) throws Exception {
        int port = ConfigProvider.getConfig().getValue("kash.broker.port", Integer.class);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:localhost\n" + credentials + "\n\0")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder frame = new StringBuilder();
            for (int c; (c = in.read()) > 0;) {
                frame.append((char) c);
            }
            return frame.toString();
        }
    }
}
