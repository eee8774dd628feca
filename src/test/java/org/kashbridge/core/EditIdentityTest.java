package org.kashbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.kashbridge.model.OrderEdit;
import org.kashbridge.model.OrderField;

/** The edit-identity policy, source by source (README, "Delivery guarantees"). */
class EditIdentityTest {

    static OrderEdit payment(long order, String amount) {
        return OrderEdit.builder().set(OrderField.orderID, order).set(OrderField.payment, 3L)
                .set(OrderField.paymentAmount, new BigDecimal(amount)).build();
    }

    @Test
    void aNameTheSenderGivesIsTheEditsWhateverTheSource() {
        assertEquals(new EditIdentity.Key("editId:erp-1", true, 5), EditIdentity.editId("erp-1"));
        // REST: the Idempotency-Key header first, then the JSON editId; a batch names each edit by its place
        assertEquals("editId:k", EditIdentity.rest("k", "json-id", null).value());
        assertEquals("editId:k#2", EditIdentity.rest(" k ", null, 2).value());
        assertEquals("editId:json-id", EditIdentity.rest(null, "json-id", null).value());
        assertEquals("editId:json-id", EditIdentity.rest("  ", "json-id", null).value());
        assertNull(EditIdentity.rest(null, null, null));
        // JMS: the editId property, then the JSON editId, then the message id (not a name: content is compared too)
        assertEquals(new EditIdentity.Key("editId:p", true, 1), EditIdentity.jms("p", "j", "ID:1"));
        assertEquals(new EditIdentity.Key("editId:j", true, 1), EditIdentity.jms(null, "j", "ID:1"));
        assertEquals(new EditIdentity.Key("jms:ID:1", false), EditIdentity.jms(null, null, "ID:1"));
        assertNull(EditIdentity.jms(null, null, null));
        // a replayed dead letter keeps the key it had
        assertEquals(new EditIdentity.Key("file:abc#7", true), EditIdentity.kept("file:abc#7"));
    }

    @Test
    void theBoundIsOnTheSendersNameInCharactersNotOnTheLedgerKey() {
        String at = "\u00e9".repeat(255) + "\ud83d\ude00"; // 256 characters, 257 UTF-16 units
        assertNull(EditIdentity.editId(at).nameTooLong());
        assertNull(EditIdentity.rest(at, null, 99).nameTooLong(), "a batch's #99 is the bridge's, not the sender's");
        assertNull(EditIdentity.jms(at, null, "ID:1").nameTooLong());
        String over = "k".repeat(257);
        assertEquals("editId / Idempotency-Key: at most 256 characters, got 257; name the edit more briefly",
                EditIdentity.editId(over).nameTooLong());
        assertNotNull(EditIdentity.rest(over, null, 0).nameTooLong());
        assertNotNull(EditIdentity.rest(null, over, null).nameTooLong());
        assertNotNull(EditIdentity.jms(null, over, "ID:1").nameTooLong());
        // keys the bridge makes carry no name of the sender's, but are bounded whole (an AMQP sender's message id)
        assertNull(EditIdentity.kept("editId:" + over).nameTooLong());
        assertNull(EditIdentity.jmsMessage("ID:" + over).tooLong());
        assertNull(EditIdentity.rest("r".repeat(256), null, 99).tooLong());
        assertEquals("the edit cannot be named by its message id, 305 characters long (at most 300): give it an editId",
                EditIdentity.jmsMessage("ID:" + "m".repeat(298)).tooLong());
    }

    @Test
    void aFileEditWithoutEditIdIsNamedByTheFilesContentNotItsName() {
        String monday = EditIdentity.digest("orderID,payment\n7001,-2\n".getBytes());
        String tuesday = EditIdentity.digest("orderID,payment\n7001,-1\n".getBytes());
        assertNotEquals(monday, tuesday);
        assertEquals(EditIdentity.fileEdit(monday, "7001"), EditIdentity.fileEdit(EditIdentity.digest(
                "orderID,payment\n7001,-2\n".getBytes()), "7001"));
        assertNotEquals(EditIdentity.fileEdit(monday, "7001"), EditIdentity.fileEdit(tuesday, "7001"));
        assertFalse(EditIdentity.fileEdit(monday, "7001").named());
        assertEquals(32, monday.length());
    }

    @Test
    void theFingerprintIsTheContentSentWithoutCredentials() {
        assertEquals(EditIdentity.fingerprint(payment(5, "1.00")), EditIdentity.fingerprint(payment(5, "1.00")));
        assertNotEquals(EditIdentity.fingerprint(payment(5, "1.00")), EditIdentity.fingerprint(payment(5, "1.01")));
        assertNotEquals(EditIdentity.fingerprint(payment(5, "1.00")), EditIdentity.fingerprint(payment(6, "1.00")));
        EditIdentity.Key content = EditIdentity.content(EditIdentity.fingerprint(payment(5, "1.00")));
        assertTrue(content.value().startsWith("content:"));
        assertFalse(content.named());
    }
}
