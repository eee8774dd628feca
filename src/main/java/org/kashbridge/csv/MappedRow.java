package org.kashbridge.csv;

import java.util.List;

import org.kashbridge.validate.FieldError;

/**
 * One source row mapped onto canonical columns ({@link CsvColumns}), with the problems found while
 * mapping it. {@code values} is null when the row could not be split into fields at all.
 */
record MappedRow(int row, String[] values, List<FieldError> errors) {
}
