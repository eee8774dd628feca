package org.kashbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@link ParseBench} as the other figures are taken: A (bare commons-csv) and B (parse + validate + encode)
 * one after the other, three times (-Dbench.jmhRounds), one fork each, and the median of the per-round
 * ratios. On a shared host the bare parse alone moved between 98 and 151 ops/s from run to run, so a ratio
 * of two figures measured minutes apart says little; A and B of one round are 40 seconds apart.
 * Writes target/bench/jmh.txt.
 */
public final class ParseRounds {

    public static void main(String[] args) throws RunnerException, IOException {
        int rounds = Integer.getInteger("bench.jmhRounds", 3);
        List<double[]> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double bare = Double.NaN;
            double ours = Double.NaN;
            for (RunResult r : new Runner(new OptionsBuilder().include(ParseBench.class.getName() + "\\.")
                    .forks(1).build()).run()) {
                String name = r.getParams().getBenchmark();
                double score = r.getPrimaryResult().getScore();
                if (name.endsWith(".bareCommonsCsv")) {
                    bare = score;
                } else if (name.endsWith(".parseValidateEncode")) {
                    ours = score;
                }
            }
            rows.add(new double[] {bare, ours, ours / bare});
            System.out.printf(Locale.ROOT, "JMH round %d: bare %.1f ops/s, parse+validate+encode %.1f ops/s, %.1f %%%n",
                    round, bare, ours, 100 * ours / bare);
        }
        StringBuilder out = new StringBuilder("| round | bare commons-csv (ops/s) | parse + validate + encode (ops/s) "
                + "| ratio |\n|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f %% |%n", i + 1, r[0], r[1], 100 * r[2]));
        }
        double median = Bench.median(rows.stream().map(r -> r[2]).toList());
        out.append(String.format(Locale.ROOT, "%n**parse + validate + encode at %.1f %% of bare commons-csv** "
                + "(median of %d rounds; target >= 30 %%)%n", 100 * median, rows.size()));
        Path file = Path.of("target/bench/jmh.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print(out);
    }
}
