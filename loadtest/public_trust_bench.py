#!/usr/bin/env python3
"""Public-trust figures (issue 18) against a running Kompeten (release build, city demo), for BENCHMARKS.md.

    KOMPETEN_SURVEY_RATE_LIMIT=0 … kompeten serve --port 8095      # the limit off: one wrk host
    loadtest/public_trust_bench.py http://127.0.0.1:8095 admin PASSWORD [SECONDS] [ROUNDS]

1. Creates a fresh service, then wrk POSTs complaints to its public complaint endpoint
   (2 threads, 16 connections) in ROUNDS rounds (default 3) of SECONDS (default 60): requests/s
   per round, and the 201s counted by wrk against the complaints counted back through the API
   (nothing may be lost or doubled). Then 16 clients send exactly 2,000 and the count must rise by
   exactly the 201s they got.
2. The SKM report of the largest OPD (Dukcapil with its sub-units) over a year: JSON (API) and
   the HTML page, median/p90 of 20 requests; the transparency page and the tracking page.
Standard library and wrk only; run it on the same machine as the server.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE, USER, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
ROUND = int(sys.argv[4]) if len(sys.argv) > 4 else 60
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 3
LUA = str(Path(__file__).resolve().parent / "complaint_post.lua")


def request(path, token=None, body=None):
    headers = {"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})}
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None, headers=headers)
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


def web_session():
    """A signed-in browser session (cookie), for the HTML pages: they take no bearer token."""
    import http.cookiejar
    import urllib.parse
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(BASE + "/login", timeout=60).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": USER, "password": PASSWORD, "_csrf": csrf, "next": "/"}).encode()
    opener.open(BASE + "/login", data=form, timeout=60).read()
    return opener


def stored(token):
    return request("/api/v1/complaints?per=1", token)["total"]


def main():
    token = request("/api/v1/auth/token", body={"username": USER, "password": PASSWORD})["token"]
    units = request("/api/v1/units?per=500", token)["items"]
    unit = next(u for u in units if u["code"] == "DUKCAPIL.B1")
    service = request("/api/v1/services", token, {"code": f"BENCH-ADU-{int(time.time())}", "name": "Layanan uji beban pengaduan",
                                                  "unitId": unit["id"], "standardMinutes": 60})
    path = f"/api/v1/public/services/{service['id']}/complaints"

    print("| round | seconds | requests/s | 201 (wrk) | other | stored (counted back, new) |")
    print("|---:|---:|---:|---:|---:|---:|")
    start = stored(token)
    created_total = 0
    for n in range(1, ROUNDS + 1):
        out = subprocess.run(["wrk", "-t2", "-c16", f"-d{ROUND}s", "-s", LUA, BASE + path], capture_output=True, text=True, check=True).stdout
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        created, other = map(int, re.search(r"created=(\d+) other=(\d+)", out).groups())
        created_total += created
        time.sleep(1)
        now = stored(token) - start
        print(f"| {n} | {ROUND} | {float(rate):,.0f} | {created_total:,} | {other:,} | {now:,} |", flush=True)
        # wrk stops at its deadline without reading the answers in flight (at most one per
        # connection): those were sent whole and are stored, so the database may hold up to 16
        # more per round than wrk counted, never fewer.
        if not 0 <= now - created_total <= 16 * n or other:
            print(f"MISMATCH: wrk saw {created_total} created and {other} other, the database counts {now}", file=sys.stderr)
            sys.exit(1)
        created_total = now

    def sender(k):
        conn = http.client.HTTPConnection(BASE.split("//")[1])
        ok = 0
        for i in range(125):
            body = json.dumps({"text": f"Pengaduan uji hitung tepat nomor {k}-{i}: antrean terlalu lama."})
            conn.request("POST", path, body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            ok += r.status == 201
        return ok
    before = stored(token)
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        acknowledged = sum(pool.map(sender, range(16)))
    after = stored(token)
    print(f"\nExact count: 2,000 sent by 16 clients, {acknowledged:,} answered 201, stored rose by {after - before:,}.")
    if after - before != acknowledged or acknowledged != 2000:
        print("MISMATCH in the exact count", file=sys.stderr)
        sys.exit(1)

    print()
    print("| measure | p50 ms | p90 ms |")
    print("|---|---:|---:|")
    opd = next(u for u in units if u["code"] == "DUKCAPIL")
    year = time.strftime("%Y")
    report = f"/api/v1/units/{opd['id']}/skm-report?from={year}-01-01&to={year}-12-31"
    try:
        request(report, token)
        p50, p90 = timed(lambda: request(report, token), 20)
        print(f"| SKM report of Dukcapil with its sub-units, this year (API) | {p50:.1f} | {p90:.1f} |")
        page = f"/skm?unit={opd['id']}&from={year}-01-01&to={year}-12-31"
        browser = web_session()
        html = browser.open(BASE + page, timeout=600).read().decode()
        assert 'id="skm-ikm"' in html, "the HTML report did not render (not signed in?)"
        p50, p90 = timed(lambda: browser.open(BASE + page, timeout=600).read(), 20)
        print(f"| The same report as the HTML page | {p50:.1f} | {p90:.1f} |")
    except urllib.error.HTTPError as e:
        print(f"| SKM report API not available ({e.code}) | — | — |")
    p50, p90 = timed(lambda: urllib.request.urlopen(BASE + "/transparansi", timeout=600).read(), 20)
    print(f"| Transparency page, whole city (public HTML, with complaints per OPD) | {p50:.1f} | {p90:.1f} |")
    code = request(path, body={"text": "Satu pengaduan lagi untuk mengukur halaman pelacakan."})["trackingCode"]
    p50, p90 = timed(lambda: urllib.request.urlopen(BASE + "/lacak/" + code, timeout=600).read(), 20)
    print(f"| Tracking page of one complaint (public HTML) | {p50:.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main()
