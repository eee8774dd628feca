package org.kashbridge.kash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStatus;

class KashReplyReaderTest {

    @Test
    void successCarriesWhicheverLinksCameBack() {
        assertEquals(EditOutcome.success(17724460L, "inv.pdf", null, "pay"), KashReplyReader.read(200,
                "{ \"success\": true, \"orderID\":17724460, \"paymentLink\":\"pay\", \"invoice\":\"inv.pdf\"}"));
        assertEquals(EditOutcome.success(17724461L, null, "q.pdf", "pay"), KashReplyReader.read(200,
                "{\"success\":true,\"orderID\":\"17724461\",\"paymentLink\":\"pay\",\"quote\":\"q.pdf\"}"));
    }

    @Test
    void successFalseIsABusinessRejectionWithKashsMessage() {
        assertEquals(EditOutcome.rejectedByKash("Error message", 200),
                KashReplyReader.read(200, "{ \"success\": false, \"result\": \"Error message\"}"));
    }

    @Test
    void non2xxAndNonJsonAreTechnicalFailuresWithABoundedExcerpt() {
        EditOutcome o = KashReplyReader.read(503, "<html>Service Unavailable</html>");
        assertEquals(EditStatus.FAILED, o.status());
        assertEquals(503, o.httpStatus());
        assertEquals("<html>Service Unavailable</html>", o.replyExcerpt());
        EditOutcome big = KashReplyReader.read(200, "Fatal error: " + "x".repeat(5000));
        assertEquals(EditStatus.FAILED, big.status());
        assertEquals("Kash answered HTTP 200 with a body that is not a JSON object", big.message());
        assertTrue(big.replyExcerpt().length() < 600, big.replyExcerpt());
        assertEquals("Kash's reply has no success field", KashReplyReader.read(200, "{\"ok\":1}").message());
    }
}
