#!/usr/bin/env python3
"""Issue 17/19 figures against a running Kompeten (release build, city demo), for BENCHMARKS.md.

    loadtest/develop_depth_bench.py http://127.0.0.1:8095 admin PASSWORD

Median and p90 of 20 requests each: the 2026 instansi plan (API and page), its realisation,
its A4 print view, the mandatory-training compliance list, the TNA's jabatan-tujuan needs, a
provider page with its agreements, and the notifications (what the bell counts once a minute)
for BKPPD's admin and for an employee (demo login pegawai.dukcapil). Standard library only; run
it on the same machine as the server.
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
DEMO_PASSWORD = "Demo-Kupang-2026"


def request(path, token=None, body=None):
    headers = {"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})}
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read()) if r.headers.get("Content-Type", "").startswith("application/json") else r.read()


def web_session(user, password):
    """A signed-in browser session (cookie), for the HTML pages: they take no bearer token."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(BASE + "/login", timeout=60).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": user, "password": password, "_csrf": csrf, "next": "/"}).encode()
    opener.open(BASE + "/login", data=form, timeout=60).read()
    return opener


def timed(fn, n=20):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)]


def row(label, fn):
    p50, p90 = timed(fn)
    print(f"| {label} | {p50:.1f} | {p90:.1f} |")


def main():
    token = request("/api/v1/auth/token", body={"username": USER, "password": PASSWORD})["token"]
    employee = request("/api/v1/auth/token", body={"username": "pegawai.dukcapil", "password": DEMO_PASSWORD})["token"]
    web = web_session(USER, PASSWORD)
    plans = request("/api/v1/development-plans", token)["items"]
    plan = next(p for p in plans if p["year"] == 2026)
    detail = request(f"/api/v1/development-plans/{plan['id']}", token)
    providers = request("/api/v1/providers", token)
    providers = providers["items"] if isinstance(providers, dict) else providers
    bpsdmd = next(p for p in providers if p["code"] == "BPSDMD-NTT")
    mandatory = request("/api/v1/mandatory-training", token)
    notices = request("/api/v1/me/notifications", token)
    print(f"Plan 2026: {len(detail['items'])} items; mandatory training: {len(mandatory['items'])} requirements; "
          f"admin notices: {len(notices['items'])} ({notices['unread']} unread).\n")
    print("| measure | p50 ms | p90 ms |")
    print("|---|---:|---:|")
    row(f"Instansi plan 2026 with {len(detail['items'])} items (API)", lambda: request(f"/api/v1/development-plans/{plan['id']}", token))
    row("Plan page (HTML)", lambda: web.open(BASE + f"/development/plans/{plan['id']}").read())
    row("Plan vs realisation per OPD and quarter (API)", lambda: request(f"/api/v1/development-plans/{plan['id']}/realisation", token))
    row("Realisation page (HTML)", lambda: web.open(BASE + f"/development/plans/{plan['id']}/realisation").read())
    row("Plan print view, A4 landscape (HTML)", lambda: web.open(BASE + f"/development/plans/{plan['id']}/print").read())
    row("Mandatory training, city-wide (API)", lambda: request("/api/v1/mandatory-training", token))
    row("Mandatory training compliance page (HTML)", lambda: web.open(BASE + "/development/pelatihan-wajib").read())
    row("TNA needs of source jabatan tujuan (API)", lambda: request("/api/v1/tna?source=jabatan_tujuan", token))
    row("Provider page BPSDMD-NTT with agreements and effectiveness (HTML)", lambda: web.open(BASE + f"/providers/{bpsdmd['id']}").read())
    row("Agreements of BPSDMD-NTT (API)", lambda: request(f"/api/v1/providers/{bpsdmd['id']}/agreements", token))
    row("Notifications of BKPPD's admin (API)", lambda: request("/api/v1/me/notifications", token))
    row("Notifications of an employee (API)", lambda: request("/api/v1/me/notifications", employee))


if __name__ == "__main__":
    main()
