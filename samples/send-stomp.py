#!/usr/bin/env python3
"""Publish one JSON order edit to kash-bridge's queue over STOMP (no library needed).

    python3 samples/send-stomp.py samples/edit.json [host] [port]
"""
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
with socket.create_connection((host, port)) as s:
    s.sendall(b"CONNECT\naccept-version:1.2\nhost:localhost\n\n\0")
    print(frame(s).splitlines()[0])
    s.sendall(("SEND\ndestination:kash.order-edits\ndestination-type:ANYCAST\ncontent-type:application/json\n"
               "receipt:1\n\n" + body + "\0").encode("utf-8"))
    print(frame(s).splitlines()[0])
    s.sendall(b"DISCONNECT\n\n\0")
