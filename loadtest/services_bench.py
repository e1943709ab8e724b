#!/usr/bin/env python3
"""Public-services figures against a running Kompeten (release build, city demo), for BENCHMARKS.md.

    KOMPETEN_SURVEY_RATE_LIMIT=0 … kompeten serve --port 8095      # the limit off: one wrk host
    loadtest/services_bench.py http://127.0.0.1:8095 admin PASSWORD [SECONDS]

1. Creates a fresh service, then wrk POSTs random SKM responses to its public survey endpoint
   (2 threads, 16 connections) until it holds at least 100,000 responses (in rounds of SECONDS,
   default 60): requests/s per round, and the 201s counted by wrk against the rows counted back
   through the IKM API (nothing may be lost or doubled).
2. The IKM of that service over its 100,000+ responses (API, median/p90 of 20 requests).
3. The public transparency page (city demo, no login) and a unit's IKM, median/p90.
Standard library and wrk only; run it on the same machine as the server.
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
ROUND = int(sys.argv[4]) if len(sys.argv) > 4 else 60
LUA = str(Path(__file__).resolve().parent / "survey_post.lua")


def request(path, token=None, body=None):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read()) if r.headers.get("Content-Type", "").startswith("application/json") else r.read()


def timed(fn, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)]


def main():
    token = request("/api/v1/auth/token", body={"username": USER, "password": PASSWORD})["token"]
    units = request("/api/v1/units?per=500", token)["items"]
    unit = next(u for u in units if u["code"] == "DUKCAPIL.B1")
    code = f"BENCH-{int(time.time())}"
    service = request("/api/v1/services", token, {"code": code, "name": "Layanan uji beban", "unitId": unit["id"], "standardMinutes": 60})
    path = f"/api/v1/public/services/{service['id']}/survey"
    ikm_path = f"/api/v1/services/{service['id']}/ikm?from=2000-01-01&to=2100-12-31"

    print("| round | seconds | requests/s | 201 (wrk) | other | stored (counted back) |")
    print("|---:|---:|---:|---:|---:|---:|")
    created_total, stored, n = 0, 0, 0
    while stored < 100_000:
        n += 1
        out = subprocess.run(["wrk", "-t2", "-c16", f"-d{ROUND}s", "-s", LUA, BASE + path], capture_output=True, text=True, check=True).stdout
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        created, other = map(int, re.search(r"created=(\d+) other=(\d+)", out).groups())
        created_total += created
        time.sleep(1)
        stored = request(ikm_path, token)["respondents"]
        print(f"| {n} | {ROUND} | {float(rate):,.0f} | {created_total:,} | {other:,} | {stored:,} |", flush=True)
        # wrk stops at its deadline without reading the answers still in flight (at most one per
        # connection): those were sent whole and are stored, so the database may hold up to 16
        # more per round than wrk counted, never fewer.
        if not 0 <= stored - created_total <= 16 * n:
            print(f"MISMATCH: wrk saw {created_total} created, the database counts {stored}", file=sys.stderr)
            sys.exit(1)
        created_total = stored

    # An exact count: 16 threads send 2,000 responses in all and count their 201s; the stored
    # rows must rise by exactly that many.
    import concurrent.futures, http.client, random
    def sender(k):
        conn = http.client.HTTPConnection(BASE.split("//")[1])
        ok = 0
        for _ in range(125):
            body = json.dumps({"answers": {f"U{i}": random.randint(1, 4) for i in range(1, 10)}})
            conn.request("POST", path, body, {"Content-Type": "application/json"})
            r = conn.getresponse(); r.read()
            ok += r.status == 201
        return ok
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        acknowledged = sum(pool.map(sender, range(16)))
    after = request(ikm_path, token)["respondents"]
    print(f"\nExact count: 2,000 sent by 16 clients, {acknowledged:,} answered 201, stored rose by {after - stored:,}.")
    if after - stored != acknowledged or acknowledged != 2000:
        print("MISMATCH in the exact count", file=sys.stderr)
        sys.exit(1)
    stored = after

    print()
    print("| measure | p50 ms | p90 ms |")
    print("|---|---:|---:|")
    p50, p90 = timed(lambda: request(ikm_path, token), 20)
    print(f"| IKM of one service with {stored:,} responses (API) | {p50:.1f} | {p90:.1f} |")
    p50, p90 = timed(lambda: urllib.request.urlopen(BASE + "/transparansi", timeout=600).read(), 20)
    print(f"| Transparency page, whole city (public HTML) | {p50:.1f} | {p90:.1f} |")
    opd = next(u for u in units if u["code"] == "DUKCAPIL")
    p50, p90 = timed(lambda: request(f"/api/v1/units/{opd['id']}/ikm?from=2025-01-01&to=2026-12-31", token), 20)
    print(f"| IKM of Dukcapil with its services, two years (API) | {p50:.1f} | {p90:.1f} |")
    p50, p90 = timed(lambda: request(f"/api/v1/units/{opd['id']}/impact?from=2026-01-01&to=2026-06-30", token), 10)
    print(f"| Competency ↔ service comparison for Dukcapil (API) | {p50:.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main()
