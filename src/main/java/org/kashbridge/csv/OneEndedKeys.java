package org.kashbridge.csv;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.kashbridge.layout.Layout;

/**
 * Pass one's check of rows that could not be split and whose key could be read from one end of the row only: the
 * value found there is the key only if the missing (or extra) value lies beyond it, which the row alone cannot
 * tell. Had the key itself been lost, the value read is another column's, and the edit the row really belongs to
 * would be sent without its line. So such a key must be another row's too: anywhere in the file when edits are
 * grouped by key, next to it when adjacent rows make an edit; else the whole file is refused.
 */
final class OneEndedKeys {

    private final Layout.Grouping grouping;
    /** Grouping by key: the keys still to be found on a row that could be split, with the first row naming each. */
    private final Map<String, MappedRow> unconfirmed = new LinkedHashMap<>();
    /** Adjacent grouping: the one-ended row just before, with its key, waiting for the next row to have it. */
    private Map.Entry<String, MappedRow> awaitingNext;
    private final Set<Integer> unsplitRows = new HashSet<>();
    /** The key of the row just before, when it could be split and has one; else null. */
    private String lastWholeKey;

    OneEndedKeys(Layout.Grouping grouping) {
        this.grouping = grouping;
    }

    /** Each staged row in file order, with its key (null when it has none). */
    void row(MappedRow row, String key) {
        boolean whole = row.unsplit() == null && row.values() != null && key != null;
        // adjacent grouping: a one-ended row's key must be the very next row's, when the row before lacked it
        if (awaitingNext != null && (!whole || !key.equals(awaitingNext.getKey()))) {
            throw refused(awaitingNext, "neither row next to it has");
        }
        awaitingNext = null;
        if (row.unsplit() != null) {
            unsplitRows.add(row.row());
            if (row.unsplit().oneEnd() != null && grouping != Layout.Grouping.ROW && key != null
                    && !key.equals(lastWholeKey)) {
                if (grouping == Layout.Grouping.ADJACENT) {
                    awaitingNext = Map.entry(key, row);
                } else {
                    unconfirmed.putIfAbsent(key, row);
                }
            }
            lastWholeKey = null; // the next row's neighbour is a row that cannot be read
            return;
        }
        if (!whole) {
            lastWholeKey = null;
            return;
        }
        unconfirmed.remove(key);
        lastWholeKey = key;
    }

    /** After the last row: a key still unconfirmed is looked for among all rows staged (rare: broken files only). */
    void finish(StagedRows rows, int keyIndex) throws IOException {
        if (awaitingNext != null) {
            throw refused(awaitingNext, "neither row next to it has");
        }
        if (unconfirmed.isEmpty()) {
            return;
        }
        rows.scan(staged -> {
            if (!unsplitRows.contains(staged.row().row())) {
                String key = Grouping.keyOf(keyIndex, staged.row());
                if (key != null) {
                    unconfirmed.remove(key);
                }
            }
        });
        if (!unconfirmed.isEmpty()) {
            throw refused(unconfirmed.entrySet().iterator().next(), "no row of the file that can be read has");
        }
    }

    private static UnreadableFileException refused(Map.Entry<String, MappedRow> keyAndRow, String nobody) {
        MappedRow row = keyAndRow.getValue();
        MappedRow.Unsplit u = row.unsplit();
        return new UnreadableFileException("row " + row.row() + " " + u.problem() + ", and its " + u.keyColumn()
                + " can be read only counting from the " + u.oneEnd() + " ('" + keyAndRow.getKey() + "'), which "
                + nobody + ": it may be another column's value and the row any edit's line, so nothing in the file "
                + "was sent. Correct the row and drop the file again");
    }
}
