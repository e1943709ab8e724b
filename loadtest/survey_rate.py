#!/usr/bin/env python3
"""Issue 20, target 5: sustained public survey POSTs per second, with every 201 stored.

    KOMPETEN_SURVEY_RATE_LIMIT=0 … kompeten serve --port 8095      # the limit off: one wrk host
    loadtest/survey_rate.py http://127.0.0.1:8095 admin PASSWORD [SECONDS] [ROUNDS]

Creates a fresh service, then ROUNDS (default 3) rounds of SECONDS (default 30) of wrk
(2 threads, 16 connections, loadtest/survey_post.lua) against its public survey endpoint. After
each round the stored rows are counted back through the IKM API: the database may hold up to 16
more than wrk's 201s per round (answers in flight when wrk stopped reading), never fewer. Prints
requests/s per round and the median. Exit 1 on a mismatch. Standard library and wrk only.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE, USER, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
SECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 30
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 3
LUA = str(Path(__file__).resolve().parent / "survey_post.lua")


def request(path, token=None, body=None):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())


def main():
    token = request("/api/v1/auth/token", body={"username": USER, "password": PASSWORD})["token"]
    units = request("/api/v1/units?per=500", token)["items"]
    unit = next(u for u in units if u["code"] == "DUKCAPIL.B1")
    service = request("/api/v1/services", token, {"code": f"RATE-{int(time.time())}", "name": "Layanan uji laju",
                                                  "unitId": unit["id"], "standardMinutes": 60})
    path = f"/api/v1/public/services/{service['id']}/survey"
    ikm_path = f"/api/v1/services/{service['id']}/ikm?from=2000-01-01&to=2100-12-31"
    print(f"wrk -t2 -c16 -d{SECONDS}s -s loadtest/survey_post.lua, {ROUNDS} rounds")
    print("| round | requests/s | 201 (wrk) | other | stored (counted back) |")
    print("|---:|---:|---:|---:|---:|")
    rates, counted, n = [], 0, 0
    for n in range(1, ROUNDS + 1):
        out = subprocess.run(["wrk", "-t2", "-c16", f"-d{SECONDS}s", "-s", LUA, BASE + path],
                             capture_output=True, text=True, check=True).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        created, other = map(int, re.search(r"created=(\d+) other=(\d+)", out).groups())
        counted += created
        time.sleep(1)
        stored = request(ikm_path, token)["respondents"]
        rates.append(rate)
        print(f"| {n} | {rate:,.0f} | {counted:,} | {other:,} | {stored:,} |", flush=True)
        if other or not 0 <= stored - counted <= 16 * n:
            print(f"MISMATCH: wrk saw {counted} created and {other} other, the database counts {stored}", file=sys.stderr)
            sys.exit(1)
        counted = stored
    print(f"\nmedian survey POST requests/s over {ROUNDS} rounds: {statistics.median(rates):,.0f}")


if __name__ == "__main__":
    main()
