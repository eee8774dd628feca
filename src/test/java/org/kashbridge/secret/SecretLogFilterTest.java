package org.kashbridge.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** HttpClient's wire log cuts a request body into records anywhere: no part of a secret is readable in any of them. */
class SecretLogFilterTest {

    static final String KEY = "Zr8kQ2vXw9LmP4tN";
    final SecretLogFilter filter = new SecretLogFilter(SecretMask.of(List.of(KEY)));

    private String logged(String logger, String message) {
        ExtLogRecord record = new ExtLogRecord(Level.FINE, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                SecretLogFilterTest.class.getName());
        record.setLoggerName(logger);
        assertTrue(filter.isLoggable(record));
        return record.getFormattedMessage();
    }

    @Test
    void aKeyCutAcrossTwoWireRecordsIsMaskedInBoth() {
        String body = "shopID=demo&key=" + KEY + "&orderID=7001&payment=-2";
        for (int cut = body.indexOf(KEY) - 1; cut <= body.indexOf(KEY) + KEY.length() + 1; cut++) {
            List<String> records = new ArrayList<>();
            records.add(logged(SecretLogFilter.WIRE_LOG, "http-outgoing-0 >> \"" + body.substring(0, cut) + "\""));
            records.add(logged(SecretLogFilter.WIRE_LOG, "http-outgoing-0 >> \"" + body.substring(cut) + "\""));
            for (String r : records) {
                for (int i = 0; i + 3 <= KEY.length(); i++) {
                    assertFalse(r.contains(KEY.substring(i, i + 3)), "cut at " + cut + ": " + records);
                }
            }
            assertTrue(records.get(0).startsWith("http-outgoing-0 >> \"shopID=demo&key"), records.toString());
            assertTrue(records.get(1).endsWith("orderID=7001&payment=-2\""), records.toString());
        }
    }

    @Test
    void otherLogsAreMaskedByWholeSecretsOnly() {
        assertEquals("key=**** and Zr8k", logged("org.kashbridge.pipeline", "key=" + KEY + " and Zr8k"));
        assertEquals("http-outgoing-0 >> \"key=****\"",
                logged(SecretLogFilter.WIRE_LOG, "http-outgoing-0 >> \"key=" + KEY + "\""));
    }
}
