package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.GreenMailResource;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Jms;

/** A failed edit from a file is dead-lettered (JSON + headers) and mailed; the file gets a summary mail. */
@QuarkusTest
class FailureAlertsTest {

    @Inject
    ConnectionFactory cf;

    @Test
    void failedEditGoesToTheDlqAndToOperatorsByMail() throws Exception {
        Inbox.drop("alerts.csv", "orderID,payment,deliveryMethod,itemType,title,price\n25001,-2,8,free,Box,2\n"
                + "25002,-2,,free,Ok,1\n");
        Inbox.awaitReport(Inbox.done(), "alerts.csv");

        Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = '25001'");
        assertNotNull(dead);
        assertEquals("{\"orderID\":\"25001\",\"payment\":\"-2\",\"deliveryMethod\":\"8\",\"items\":[{\"type\":\"free\","
                + "\"title\":\"Box\",\"price\":\"2\"}]}", dead.getBody(String.class).replaceAll("\\s", ""));
        assertEquals("file alerts.csv row 2", dead.getStringProperty("KashSource"));
        assertEquals("0", String.valueOf(dead.getObjectProperty("KashAttempts")));
        assertTrue(dead.getStringProperty("KashFailureReason").contains("deliveryMethod"));

        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(GreenMailResource.mail().getReceivedMessages())
                .anyMatch(m -> subject(m).contains("edit 25001")));
        MimeMessage mail = Arrays.stream(GreenMailResource.mail().getReceivedMessages())
                .filter(m -> subject(m).contains("edit 25001")).findFirst().orElseThrow();
        String text = GreenMailUtil.getBody(mail);
        assertEquals("[kash-bridge] REJECTED edit 25001 (file alerts.csv row 2)", mail.getSubject());
        assertEquals("ops@example.com", mail.getAllRecipients()[0].toString());
        assertTrue(text.contains("row 2, deliveryMethod: must be an integer from 0 to 6"), text);
        assertTrue(text.contains("correct the data at the source"), text);
        assertFalse(text.contains(Inbox.KEY));

        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(GreenMailResource.mail().getReceivedMessages())
                .anyMatch(m -> subject(m).startsWith("[kash-bridge] alerts.csv")));
        MimeMessage summary = Arrays.stream(GreenMailResource.mail().getReceivedMessages())
                .filter(m -> subject(m).startsWith("[kash-bridge] alerts.csv")).findFirst().orElseThrow();
        String summaryText = GreenMailUtil.getBody(summary);
        assertTrue(summaryText.contains("Edits: 2, OK 1, REJECTED 1"), summaryText);
        assertTrue(summaryText.contains("row 2, edit 25001: REJECTED"), summaryText);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
