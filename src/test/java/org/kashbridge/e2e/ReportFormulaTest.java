package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Inbox;

/**
 * Values a file carries that a spreadsheet would run as formulas (OWASP CSV injection) appear in the result
 * report as text: an apostrophe first. Operators open these reports in Excel.
 */
@QuarkusTest
class ReportFormulaTest {

    @Test
    void formulaLikeCellsAreWrittenAsTextAndNumbersStayNumbers() {
        Inbox.drop("formulas.csv", "editId,orderID,payment,itemType,title,price\n"
                + "=cmd|' /C calc'!A0,28001,-2,free,Tea,1\n"
                + "+SUM(1+1),28002,-2,free,Tea,1\n"
                + "@SUM(A1),28003,-2,free,Tea,1\n"
                + "plain-28004,-2+3,-2,free,Tea,1\n"
                + "-28005,28005,-2,free,Tea,1\n");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "formulas.csv");
        Map<String, String> orderByKey = report.stream()
                .collect(Collectors.toMap(r -> r.get("editKey"), r -> r.get("orderID")));
        assertEquals(Map.of("'=cmd|' /C calc'!A0", "28001", "'+SUM(1+1)", "28002", "'@SUM(A1)", "28003",
                "plain-28004", "'-2+3", "-28005", "28005"), orderByKey);
    }
}
