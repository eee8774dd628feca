package org.kashbridge.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file looked like when the read lock let it through: its size, time stamp and identity (inode). A file
 * whose stamp differs once it has been read was written, cut or replaced meanwhile: what was read is not what
 * the file holds.
 */
record FileStamp(long size, FileTime modified, Object key) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(a.size(), a.lastModifiedTime(), a.fileKey());
    }

    /** Thrown when a file changed while it was read: it is read again at a later poll, nothing of it was sent. */
    static final class ChangedException extends IOException {
        ChangedException(String message) {
            super(message);
        }
    }

    /** Throws {@link ChangedException} naming what changed when {@code file} is no longer as stamped. */
    void unchanged(Path file, String name) throws IOException {
        FileStamp now = of(file);
        if (!equals(now)) {
            throw new ChangedException("file " + name + " changed while it was read (" + size + " bytes, "
                    + modified + " when the read lock took it; " + now.size + " bytes, " + now.modified
                    + (java.util.Objects.equals(key, now.key) ? "" : ", another file") + " after): nothing in it was "
                    + "sent; it is read again once it stops changing");
        }
    }
}
