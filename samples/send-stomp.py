#!/usr/bin/env python3
"""Publish one JSON order edit to kash-bridge's queue over STOMP (no library needed).

    python3 samples/send-stomp.py samples/edit.json [host] [port]

It logs in as the embedded broker's client account: KASH_BROKER_CLIENT_USER (kash-client) with
KASH_BROKER_CLIENT_PASSWORD, else the password the bridge generated into data/broker/client-password
(under KASH_DATA_DIR when set).
"""
import os
import socket
import sys


def frame(sock):
    data = b""
    while not data.endswith(b"\0"):
        chunk = sock.recv(1)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8").strip("\0\n")


body = open(sys.argv[1], encoding="utf-8").read()
host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
port = int(sys.argv[3]) if len(sys.argv) > 3 else 61616
user = os.environ.get("KASH_BROKER_CLIENT_USER", "kash-client")
password = os.environ.get("KASH_BROKER_CLIENT_PASSWORD")
if not password:
    with open(os.path.join(os.environ.get("KASH_DATA_DIR", "data"), "broker", "client-password"), encoding="utf-8") as f:
        password = f.read().strip()
with socket.create_connection((host, port)) as s:
    s.sendall(("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + user + "\npasscode:" + password
               + "\n\n\0").encode("utf-8"))
    connected = frame(s)
    print(connected.splitlines()[0])
    if not connected.startswith("CONNECTED"):
        sys.exit("the broker refused the login: " + connected)
    s.sendall(("SEND\ndestination:kash.order-edits\ndestination-type:ANYCAST\ncontent-type:application/json\n"
               "receipt:1\n\n" + body + "\0").encode("utf-8"))
    print(frame(s).splitlines()[0])
    s.sendall(b"DISCONNECT\n\n\0")
