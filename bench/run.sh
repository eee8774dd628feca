#!/usr/bin/env bash
# The benchmark: kash-bridge against the raw limit on this machine (see bench/RESULTS.md).
# Usage: bench/run.sh [-Dbench.edits=8000] [-Dbench.rounds=3] [-Dbench.inFlight=16] [-Dbench.jfr=1]
# Writes target/bench/RESULTS-table.md; bench/profile.py summarises a JFR recording.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.kashbridge.bench.Bench

# Per-line cost: parse + validate + encode against a bare commons-csv parse (JMH, about 1 minute).
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'org.kashbridge.bench.ParseBench' -rf text -rff target/bench/jmh.txt
