#!/usr/bin/env python3
"""Timings for the "Develop" step against a running Kompeten with the city demo data.

    loadtest/develop_bench.py http://127.0.0.1:8095 admin PASSWORD

Prints a Markdown table for BENCHMARKS.md: median and p90 over repeated requests of the
city-wide training-needs analysis (API page and HTML page), JP compliance per OPD (API and HTML),
and the budget-optimal annual plan for the whole city (API), with the plan's quality figures.
Standard library only; run it on the same machine as the server.
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


def api(method, path, token, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())


def main():
    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/auth/token", data=json.dumps({"username": USER, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"})).read())["token"]
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = web.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    web.open(BASE + "/login", data=urllib.parse.urlencode({"_csrf": csrf, "username": USER, "password": PASSWORD}).encode()).read()

    rows = []
    tna = api("GET", "/api/v1/tna?year=2026&per=500", token)
    rows.append((f"Needs analysis, whole city, API first page of 500 ({tna['metadata']['total']:,} needs)", "< 500 ms",
                 timed(lambda: api("GET", "/api/v1/tna?year=2026&per=500", token), 15)))
    rows.append(("Needs analysis, whole city, HTML page (plan per competency)", "< 500 ms",
                 timed(lambda: web.open(BASE + "/development/needs?year=2026").read(), 15)))
    rows.append(("JP compliance per OPD, whole city, API", "< 200 ms",
                 timed(lambda: api("GET", "/api/v1/jp/compliance?year=2026", token), 20)))
    rows.append(("JP compliance per OPD, whole city, HTML page", "< 200 ms",
                 timed(lambda: web.open(BASE + "/development/jp?year=2026").read(), 20)))
    plans = {}
    for year, budget in [(2027, 3_000_000_000), (2027, 10_000_000_000), (2026, 1_500_000_000)]:
        body = {"year": year, "budget": budget}
        plans[(year, budget)] = api("POST", "/api/v1/plans/optimize", token, body)
        rows.append((f"Annual plan {year}, whole city, budget Rp {budget:,} (API, incl. reading all gaps)".replace(",", "."), "< 2 s",
                     timed(lambda: api("POST", "/api/v1/plans/optimize", token, body), 5)))

    print("| measure | target | p50 / p90 |")
    print("|---|---:|---:|")
    for name, target, (p50, p90) in rows:
        print(f"| {name} | {target} | {p50:.0f} / {p90:.0f} ms |")
    print()
    print("| plan | enrolments | cost | gap closed | upper bound | plan / bound | PNS at ≥ 20 JP | gap-only plan / bound | its PNS at ≥ 20 JP |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (year, budget), r in plans.items():
        ub = r["upperBound"] or 1
        print(f"| {year}, Rp {budget:,} | {len(r['enrolments']):,} | Rp {r['totalCost']:,} | {r['gapClosed']:.1f} | {r['upperBound']:.1f} | "
              f"{r['gapClosed'] / ub * 100:.1f} % | {r['employeesReaching20Jp']:,} of {r['pnsCandidates']:,} | "
              f"{r['gapOnly']['gapClosed'] / ub * 100:.1f} % | {r['gapOnly']['employeesReaching20Jp']:,} |".replace(",", "."))


if __name__ == "__main__":
    main()
