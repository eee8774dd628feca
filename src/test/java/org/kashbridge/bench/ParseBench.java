package org.kashbridge.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.csv.CsvEditFile;
import org.kashbridge.csv.CsvEditReader;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.validate.EditValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bridge's own per-line work (read and group the CSV, validate, encode the form) against a bare
 * commons-csv parse of the same file. One operation = the whole file (10,000 edits, 3 lines each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgs = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
public class ParseBench {

    Path file;

    @Setup
    public void write() throws IOException {
        file = Files.createTempFile("kash-bench", ".csv");
        Files.writeString(file, EditGenerator.csv(EditGenerator.edits(42, 10_000, 3, 0.2, 1)), StandardCharsets.UTF_8);
    }

    @Benchmark
    public void bareCommonsCsv(Blackhole bh) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord record : parser) {
                for (String value : record) {
                    bh.consume(value);
                }
            }
        }
    }

    @Benchmark
    public void parseValidateEncode(Blackhole bh) throws IOException {
        CsvEditFile edits = CsvEditReader.read(file, "bench.csv");
        for (EditEnvelope e : edits.edits()) {
            EditValidator.Result result = EditValidator.validate(e.getInput());
            bh.consume(EditOrderEncoder.encode(result.edit(), "shop", "key"));
        }
    }
}
