package org.kashbridge.csv;

import java.util.List;

import org.kashbridge.validate.FieldError;

/**
 * One source row mapped onto canonical columns ({@link CsvColumns}), with the problems found while
 * mapping it. {@code values} is null when the row could not be split into fields at all.
 */
record MappedRow(int row, String[] values, List<FieldError> errors, List<MappedRow> readings) {

    MappedRow(int row, String[] values, List<FieldError> errors) {
        this(row, values, errors, null);
    }

    /**
     * The rows to stage for this one: itself, or, for a row that could not be split whose key reads differently
     * counting from the left and from the right, one per reading (each refuses the edit it names).
     */
    List<MappedRow> staged() {
        return readings == null ? List.of(this) : readings;
    }
}
