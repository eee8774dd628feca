#!/usr/bin/env python3
"""Summarise a JFR recording of the bridge: where CPU samples fall (bench/run.sh -Dbench.jfr=1).

    python3 bench/profile.py target/bench/l0-r1/bridge.jfr
"""
import collections
import json
import subprocess
import sys

raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]
top = collections.Counter()
inclusive = collections.Counter()
areas = [
    ("ledger fsync / journal", "org.kashbridge.ledger"),
    ("outcome records (JSON, files)", "org.kashbridge.outcome.OutcomeRecords"),
    ("validation", "org.kashbridge.validate"),
    ("encoding", "org.kashbridge.encode"),
    ("CSV reading", "org.kashbridge.csv.CsvEditReader"),
    ("report writing", "org.kashbridge.csv.InboxFiles.writeReport"),
    ("HTTP client (camel-http, httpclient5)", "org.apache.hc."),
    ("Camel file producer", "org.apache.camel.component.file."),
    ("Camel routing engine", "org.apache.camel.impl.engine"),
    ("JMS / Artemis", "org.apache.activemq"),
    ("logging", "org.jboss.logmanager"),
    ("Jackson", "com.fasterxml.jackson"),
]
for e in events:
    frames = e["values"]["stackTrace"]["frames"]
    if not frames:
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    top[names[0]] += 1
    for label, prefix in areas:
        if any(n.startswith(prefix) for n in names):
            inclusive[label] += 1
total = sum(top.values())
print(f"{total} CPU samples")
print("\nInclusive share by area (a sample counts for every area on its stack):")
for label, _ in areas:
    print(f"  {label:45s} {100.0 * inclusive[label] / max(total, 1):5.1f} %")
print("\nTop 15 methods on CPU (self):")
for name, n in top.most_common(15):
    print(f"  {100.0 * n / total:5.1f} %  {name}")
