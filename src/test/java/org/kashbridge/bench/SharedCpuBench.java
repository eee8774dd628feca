package org.kashbridge.bench;

import java.util.ArrayList;
import java.util.List;

import org.kashbridge.faults.Processes;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.TestFiles;

/**
 * How much the raw loop itself loses at 20 ms when something else keeps the host's cores busy, as the bridge
 * and its ledger do during a bench round (about one core of two): rounds of the raw loop alone and beside
 * busy processes, alternated, against the same simulator. The loss is what the 20 ms ratio cannot win back
 * on this host whatever the bridge does with its time (bench/RESULTS.md).
 *
 *     java -cp ... org.kashbridge.bench.SharedCpuBench [-Dbench.burners=1] [-Dbench.rounds=3]
 */
public final class SharedCpuBench {

    private SharedCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        int edits = Integer.parseInt(System.getProperty("bench.edits", "8000"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        int inFlight = Integer.parseInt(System.getProperty("bench.inFlight", "16"));
        int burners = Integer.parseInt(System.getProperty("bench.burners", "1"));
        TestFiles.deleteTree(Bench.ROOT);
        Bench.simPort = FreePortResource.freePort();
        Process simulator = Processes.simulator(Bench.ROOT, Bench.simPort, Bench.SHOP, Bench.KEY);
        try {
            String url = Bench.sim("/workers/editOrder.php");
            for (int run = 0; run < 12; run++) {
                Bench.plan(0);
                RawLoop.run(url,
                        Bench.bodies(EditGenerator.edits(2 + run, edits, 3, 0.2, 2_000_000 + run * (long) edits)),
                        inFlight);
            }
            List<Double> alone = new ArrayList<>();
            List<Double> shared = new ArrayList<>();
            long orderBase = 30_000_000;
            for (int round = 1; round <= rounds; round++) {
                Bench.plan(20);
                alone.add(
                        RawLoop.run(url, Bench.bodies(EditGenerator.edits(round, edits, 3, 0.2, orderBase)), inFlight));
                orderBase += edits;
                List<Process> busy = new ArrayList<>();
                for (int b = 0; b < burners; b++) {
                    busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
                }
                try {
                    Bench.plan(20);
                    shared.add(RawLoop.run(url, Bench.bodies(EditGenerator.edits(round, edits, 3, 0.2, orderBase)),
                            inFlight));
                    orderBase += edits;
                } finally {
                    busy.forEach(Process::destroyForcibly);
                }
                System.out.printf("round %d: raw alone %.0f/s, beside %d busy process(es) %.0f/s, ratio %.2f%n", round,
                        alone.get(round - 1), burners, shared.get(round - 1),
                        shared.get(round - 1) / alone.get(round - 1));
            }
            System.out.printf("median: alone %.0f/s, shared %.0f/s, ratio %.2f%n", Bench.median(alone),
                    Bench.median(shared), Bench.median(shared) / Bench.median(alone));
        } finally {
            Processes.stop(simulator);
        }
    }
}
