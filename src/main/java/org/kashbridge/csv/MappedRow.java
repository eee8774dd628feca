package org.kashbridge.csv;

import java.util.List;

import org.kashbridge.validate.FieldError;

/**
 * One source row mapped onto canonical columns ({@link CsvColumns}), with the problems found while
 * mapping it. {@code values} is null when the row could not be split into fields at all; {@code unsplit} is set
 * for a row with more or fewer values than the header (only its key columns are read, where they would be).
 */
record MappedRow(int row, String[] values, List<FieldError> errors, List<MappedRow> readings, Unsplit unsplit) {

    /**
     * Why a row could not be split into the header's columns, which key column names its edit, and from which end
     * of the row that key could be read: null when counting from both ends gives it, else "left" or "right" (the
     * other end gives nothing, so whether this is really its key is for the other rows of the file to tell).
     */
    record Unsplit(String problem, String keyColumn, String oneEnd) {
    }

    MappedRow(int row, String[] values, List<FieldError> errors) {
        this(row, values, errors, null, null);
    }

    /**
     * The rows to stage for this one: itself, or, for a row that could not be split whose key reads differently
     * counting from the left and from the right, one per reading (each refuses the edit it names).
     */
    List<MappedRow> staged() {
        return readings == null ? List.of(this) : readings;
    }
}
