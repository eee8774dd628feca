package org.kashbridge.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kashbridge.bench.EditGenerator;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.layout.Layout;
import org.kashbridge.validate.EditValidator;

/**
 * A 100,000-line file whose edits are spread over distant rows is grouped the same whether it is held
 * in one batch or staged on disk in many: every edit once, with all its rows, in one batch.
 */
class BigFileStagingTest {

    @TempDir
    Path dir;

    @Test
    void stagedOnDiskGroupsExactlyLikeInMemory() throws Exception {
        List<EditGenerator.Edit> edits = EditGenerator.edits(7, 30_000, 4, 0.2, 1_000_000);
        String csv = EditGenerator.csvInterleaved(edits, 5_000);
        long lines = csv.lines().count();
        assertTrue(lines > 95_000, "lines: " + lines);
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Map<String, String> inMemory = bodies(file, Long.MAX_VALUE, 1);
        Map<String, String> onDisk = bodies(file, 300_000, 10);
        assertEquals(30_000, inMemory.size());
        assertEquals(inMemory, onDisk);
        // the work folder is emptied as buckets are read
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(0, left.count());
        }
    }

    /** editKey -> rows + form body, checking no edit appears in two batches. */
    private Map<String, String> bodies(Path file, long batchBytes, int minBatches) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (StagedFile staged = CsvEditReader.stage(file, Layout.canonical(), "big.csv", dir.resolve("work"),
                batchBytes)) {
            assertTrue(staged.bucketCount() >= minBatches, "batches: " + staged.bucketCount());
            for (Iterator<List<EditEnvelope>> it = staged.batches(); it.hasNext();) {
                for (EditEnvelope e : it.next()) {
                    EditValidator.Result r = EditValidator.validate(e.getInput());
                    assertTrue(r.valid(), e.getEditKey() + ": " + r.errors());
                    String previous = out.put(e.getEditKey(), e.getRows() + " " + EditOrderEncoder.encode(r.edit(),
                            "s", "k"));
                    assertEquals(null, previous, "edit " + e.getEditKey() + " in two batches");
                }
            }
        }
        return out;
    }
}
