package org.kashbridge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.model.OrderEdit;

/**
 * The one policy naming an edit in the ledger (docs/delivery.md, "Edit identity"). A name the
 * sender gives is the edit's for good; without one, an edit is named by what it is, never by a file name:
 * <ul>
 * <li>an {@code editId} (file column, JSON field, JMS property) or a REST {@code Idempotency-Key}:
 * {@code editId:<value>} ({@code #<i>} added for the i-th edit of a REST batch);</li>
 * <li>a file edit without editId: {@code file:<digest of the file's bytes>#<edit key>}: the same file dropped
 * again under any name is the same edits, a new file under an old name new ones;</li>
 * <li>a JMS message without editId: {@code jms:<JMSMessageID>} (a redelivery keeps it);</li>
 * <li>a REST edit without key, sync or async, or a message without any id: {@code content:<fingerprint>};</li>
 * <li>a replayed dead letter or review: the key it had.</li>
 * </ul>
 * Every edit without a name of its own is also recognised by its content: if the same edit already
 * succeeded under another key, it is a duplicate.
 */
public final class EditIdentity {

    /** The longest name a sender may give an edit (editId, Idempotency-Key), in characters: docs/api.md, Limits. */
    public static final int MAX_NAME = 256;
    /**
     * The longest ledger key, whoever made it (a JMS message id an AMQP sender chose can be any length): a name at
     * its bound with a batch's #i and its prefix fits.
     */
    public static final int MAX_KEY = 300;

    /**
     * A ledger key; {@code named}: the sender named the edit, so its content is not compared with others;
     * {@code nameLength}: the characters of the name the sender gave (0 when it gave none), which the bound applies
     * to (a batch's {@code #<i>} is the bridge's, not the sender's).
     */
    public record Key(String value, boolean named, int nameLength) {

        public Key(String value, boolean named) {
            this(value, named, 0);
        }

        /** "editId / Idempotency-Key: at most 256 characters, got 257; ..." when the sender's name is too long. */
        public String nameTooLong() {
            return nameLength <= MAX_NAME ? null : "editId / Idempotency-Key: at most " + MAX_NAME
                    + " characters, got " + nameLength + "; name the edit more briefly";
        }

        /** Why this key cannot name an edit in the ledger (a name too long, or a message id), else null. */
        public String tooLong() {
            String name = nameTooLong();
            if (name != null || value.length() <= MAX_KEY) {
                return name;
            }
            return "the edit cannot be named by its " + (value.startsWith("jms:") ? "message id" : "key") + ", "
                    + value.length() + " characters long (at most " + MAX_KEY + "): give it an editId";
        }
    }

    private static final String EDIT_ID = "editId:";

    private EditIdentity() {
    }

    public static Key editId(String editId) {
        return new Key(EDIT_ID + editId, true, editId.codePointCount(0, editId.length()));
    }

    /** The name the sender gave the edit (editId, Idempotency-Key) in a ledger key it names; null for others. */
    public static String givenName(String ledgerKey) {
        return ledgerKey != null && ledgerKey.startsWith(EDIT_ID) ? ledgerKey.substring(EDIT_ID.length()) : null;
    }

    public static Key fileEdit(String fileDigest, String editKey) {
        return new Key("file:" + fileDigest + "#" + editKey, false);
    }

    public static Key jmsMessage(String messageId) {
        return new Key("jms:" + messageId, false);
    }

    public static Key content(String fingerprint) {
        return new Key("content:" + fingerprint, false);
    }

    /** The key a dead letter or a review carries: it keeps its identity, whatever it was. */
    public static Key kept(String ledgerKey) {
        return new Key(ledgerKey, true);
    }

    /** REST: the Idempotency-Key header, else the JSON editId; {@code index} names an edit of a batch, or null. */
    public static Key rest(String idempotencyKey, String jsonEditId, Integer index) {
        String named = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : null;
        if (named != null) {
            return index == null ? editId(named)
                    : new Key(EDIT_ID + named + "#" + index, true, named.codePointCount(0, named.length()));
        }
        return jsonEditId == null ? null : editId(jsonEditId);
    }

    /** JMS: the editId property, else the JSON editId, else the message id; null when there is none. */
    public static Key jms(String property, String jsonEditId, String messageId) {
        if (property != null && !property.isBlank()) {
            return editId(property.trim());
        }
        if (jsonEditId != null) {
            return editId(jsonEditId);
        }
        return messageId == null ? null : jmsMessage(messageId);
    }

    /** Hash of what would be sent, credentials left out: equal content, equal fingerprint. */
    public static String fingerprint(OrderEdit edit) {
        return digest(EditOrderEncoder.fields(edit, "", "").encode().getBytes(StandardCharsets.UTF_8));
    }

    /** 128 bits of SHA-256, in hex: file digests and fingerprints. */
    public static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes), 0, 16);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
