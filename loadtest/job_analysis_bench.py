#!/usr/bin/env python3
"""Job analysis figures (issue 17) against a running Kompeten (release build, city demo), for BENCHMARKS.md.

    loadtest/job_analysis_bench.py http://127.0.0.1:8095 admin PASSWORD

Median and p90 of 20 requests each (API): the workload (ABK) of the largest OPD with its
sub-units, one position's job analysis, the successor list of the key position with the most
candidates (of the first 40 JPT/administrator posts), and a career gap to it.
Standard library only; run it on the same machine as the server.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import urllib.request

BASE, USER, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


def request(path, token=None, body=None):
    headers = {"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})}
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read()) if r.headers.get("Content-Type", "").startswith("application/json") else r.read()


def timed(fn, n=20):
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
    opds = [u for u in units if u.get("parentId") is None]
    # The OPD with the most positions under it.
    sizes = {u["id"]: len(request(f"/api/v1/units/{u['id']}/workload", token)["items"]) for u in opds}
    big = max(opds, key=lambda u: sizes[u["id"]])
    positions = []
    page = 1
    while True:
        got = request(f"/api/v1/positions?per=500&page={page}", token)
        positions += got["items"]
        if len(positions) >= got["metadata"]["total"]:
            break
        page += 1
    keys = [p for p in positions if p["kind"] in ("jpt", "administrator")]
    counts = {p["id"]: len(request(f"/api/v1/positions/{p['id']}/successors", token)["items"]) for p in keys[:40]}
    key = max(keys[:40], key=lambda p: counts[p["id"]])
    staff = next(p for p in positions if p["kind"] == "pelaksana")

    print(f"{len(positions):,} positions; largest OPD {big['code']} with {sizes[big['id']]} positions; "
          f"key position {key['code']} with {counts[key['id']]} ranked candidates.\n")
    print("| measure | p50 ms | p90 ms |")
    print("|---|---:|---:|")
    p50, p90 = timed(lambda: request(f"/api/v1/units/{big['id']}/workload", token))
    print(f"| ABK of {big['code']} with its sub-units ({sizes[big['id']]} positions, API) | {p50:.1f} | {p90:.1f} |")
    whole = sum(sizes.values())
    p50, p90 = timed(lambda: request(f"/api/v1/positions/{staff['id']}/job-analysis", token))
    print(f"| Job analysis of one position with its workload (API) | {p50:.1f} | {p90:.1f} |")
    p50, p90 = timed(lambda: request(f"/api/v1/positions/{key['id']}/successors", token))
    print(f"| Successor list of {key['code']} ({counts[key['id']]} candidates, API) | {p50:.1f} | {p90:.1f} |")
    employee = request(f"/api/v1/employees?per=1", token)["items"][0]
    p50, p90 = timed(lambda: request(f"/api/v1/employees/{employee['id']}/gap?positionId={key['id']}", token))
    print(f"| Career gap of one employee to {key['code']} (API) | {p50:.1f} | {p90:.1f} |")
    print(f"\n(The whole city has {whole:,} positions across {len(opds)} top-level units.)")


if __name__ == "__main__":
    main()
