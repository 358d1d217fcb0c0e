#!/usr/bin/env python3
"""A webhook receiver for the `ward notify` tests, on 127.0.0.1.

usage: webhook-server.py DIR STATUSES
Listens on a free port and writes it to DIR/port. Each POST is saved as DIR/N.body
(and its path and Content-Type as DIR/N.meta), and answered with the N-th status of the
comma-separated STATUSES (the last one repeats): `500,200` fails once, then accepts.
"""
import http.server
import os
import sys

DIR = sys.argv[1]
STATUSES = [int(s) for s in sys.argv[2].split(",")]
COUNT = [0]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = COUNT[0]
        COUNT[0] += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(os.path.join(DIR, f"{n}.body"), "wb") as f:
            f.write(body)
        with open(os.path.join(DIR, f"{n}.meta"), "w") as f:
            f.write(f"{self.path}\n{self.headers.get('Content-Type', '')}\n")
        status = STATUSES[min(n, len(STATUSES) - 1)]
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if status < 300 else b"no_service")

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(DIR, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
server.serve_forever()
