package org.kashbridge.layout;

/** A layout that cannot be used, naming the layout file and the key to fix. */
public class LayoutException extends RuntimeException {

    public LayoutException(String file, String key, String message) {
        super(file + (key == null ? "" : ", key " + key) + ": " + message);
    }
}
