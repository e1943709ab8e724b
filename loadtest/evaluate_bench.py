#!/usr/bin/env python3
"""Timings for the "Evaluate and monitor" step against a running Kompeten with the city demo.

    loadtest/evaluate_bench.py http://127.0.0.1:8095 admin PASSWORD

Prints a Markdown table for BENCHMARKS.md: median and p90 over repeated requests of the
city-wide monitoring dashboard (HTML), the 9-box (API and HTML page), programme effectiveness,
the re-assessment worklist and one employee's talent placement; and the time to rebuild the
monitoring history (POST, once). Standard library only; run it on the same machine as the server.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE, USER, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


def timed(fn, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)]


def main():
    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/auth/token", data=json.dumps({"username": USER, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"})).read())["token"]

    def api(path):
        req = urllib.request.Request(BASE + path)
        req.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(req, timeout=600) as r:
            return json.loads(r.read())

    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = web.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    web.open(BASE + "/login", data=urllib.parse.urlencode({"_csrf": csrf, "username": USER, "password": PASSWORD}).encode()).read()

    grid = api("/api/v1/talent/9-box")
    programmes = api("/api/v1/programs?per=500")["items"]
    first = programmes[0]["id"]
    employee = api("/api/v1/employees?per=1")["items"][0]["id"]
    rows = [
        ("Monitoring dashboard, whole city, 1 Jan – today (HTML)", "< 500 ms", timed(lambda: web.open(BASE + "/monitoring").read(), 15)),
        ("Monitoring dashboard, whole city, last 12 months, CSV export of the programme table", "—",
         timed(lambda: web.open(BASE + "/monitoring?from=2025-11-29&table=programmes&format=csv").read(), 10)),
        (f"9-box, whole city (API; {grid['placed']:,} people placed)".replace(",", "\u202f"), "< 200 ms", timed(lambda: api("/api/v1/talent/9-box"), 20)),
        ("9-box, whole city (HTML page with SVG grid)", "< 200 ms", timed(lambda: web.open(BASE + "/talent").read(), 20)),
        ("9-box drill-down: box 5 (HTML, first page)", "—", timed(lambda: web.open(BASE + "/talent?box=5").read(), 10)),
        ("Programme effectiveness (API)", "—", timed(lambda: api(f"/api/v1/programs/{first}/effectiveness"), 20)),
        ("Re-assessment worklist, overdue, whole city (API, first page)", "—", timed(lambda: api("/api/v1/reassessments?status=overdue"), 20)),
        ("One employee's talent placement (API)", "—", timed(lambda: api(f"/api/v1/employees/{employee}/talent"), 20)),
    ]
    page = web.open(BASE + "/monitoring").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    start = time.perf_counter()
    web.open(BASE + "/monitoring/rebuild", data=urllib.parse.urlencode({"_csrf": csrf}).encode()).read()
    rebuild = (time.perf_counter() - start) * 1000

    print("| measure | target | p50 / p90 |")
    print("|---|---:|---:|")
    for name, target, (p50, p90) in rows:
        print(f"| {name} | {target} | {p50:.0f} / {p90:.0f} ms |")
    print(f"| Rebuild of the monitoring history (9 dates × every OPD, from all assessments; once) | — | {rebuild:.0f} ms |")


if __name__ == "__main__":
    main()
