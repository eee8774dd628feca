#!/usr/bin/env python3
"""Samples how many requests the bench's simulator is answering, about 25 times a second, and prints one line
a second: time, samples, mean in flight, most in flight. Run it beside bench/run.sh; with the bench's
edits/s, Little's law gives the time each request spends at the simulator (bench/RESULTS.md, ninth session).

    python3 bench/inflight.py > target/bench/inflight.log &
"""
import os
import time
import urllib.request


def simulator_port():
    """The port of the running simulator process (the bench starts it with KASH_SIMULATOR=true)."""
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            env = open(f'/proc/{pid}/environ', 'rb').read().split(b'\0')
        except OSError:
            continue
        if b'KASH_SIMULATOR=true' not in env:
            continue
        for e in env:
            if e.startswith(b'QUARKUS_HTTP_PORT='):
                return int(e.split(b'=')[1])
    return None


url = None
second, samples, total, most = int(time.time()), 0, 0, 0
while True:
    if url is None:
        port = simulator_port()
        url = f'http://127.0.0.1:{port}/simulator/in-flight' if port else None
        if url is None:
            time.sleep(0.5)
            continue
    try:
        value = int(urllib.request.urlopen(url, timeout=2).read())
    except OSError:
        url = None  # the bench started another simulator, or stopped it
        continue
    now = int(time.time())
    if now != second:
        if samples:
            print(time.strftime('%H:%M:%S', time.localtime(second)), samples, round(total / samples, 2), most,
                  flush=True)
        second, samples, total, most = now, 0, 0, 0
    samples, total, most = samples + 1, total + value, max(most, value)
    time.sleep(0.02)
