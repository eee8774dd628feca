package org.kashbridge.csv;

/** The whole file cannot be read (no header, undecodable header, unknown column...): nothing in it is sent. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }
}
