#!/usr/bin/env python3
"""Where a dropped file's calls leave Kash's slots idle (bench/run.sh -Dbench.timeline=1 writes the times):

    python3 bench/timeline.py target/bench/l20-r1/timeline.txt

Prints the time from the drop to the first request, from the last request to the report, the rate between the
first and the last request, and the 50 ms windows in which fewer requests arrived than a third of the median.
"""
import statistics
import sys

lines = open(sys.argv[1]).read().split()
dropped = int(lines[1])
reported = int(lines[3])
times = sorted(int(t) for t in lines[4:])
n = len(times)
print(f"{n} requests")
print(f"drop to first request: {times[0] - dropped} ms")
print(f"last request to report: {reported - times[-1]} ms")
span = times[-1] - times[0]
print(f"first to last request: {span} ms, {(n - 1) / span * 1000:.0f} requests/s "
      f"(the whole file: {n / (reported - dropped) * 1000:.0f} edits/s)")
width = 50
buckets = [0] * (span // width + 1)
for t in times:
    buckets[(t - times[0]) // width] += 1
typical = statistics.median(buckets)
print(f"requests per {width} ms window: median {typical}")
low = [(i * width, b) for i, b in enumerate(buckets) if b < typical / 3]
for start, b in low:
    print(f"  {start:6d}-{start + width:6d} ms after the first request (epoch ms {times[0] + start}): {b}")
lost = sum(max(0, typical - b) for b in buckets) / typical * width
print(f"windows below the median, in ms of a full window: {lost:.0f} ms of {span}")
