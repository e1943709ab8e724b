#!/usr/bin/env python3
"""Timings for the "Identify" step against a running Kompeten with the city demo data.

    loadtest/identify_bench.py http://127.0.0.1:8095 admin PASSWORD

Prints a Markdown table for BENCHMARKS.md: median (and p90) over repeated requests of the
city-wide reports, one OPD's gap summary, one employee's gap, and the time to import 10,000
new employees through the API (then re-importing the same file, which changes nothing).
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
    return statistics.median(times), times[int(len(times) * 0.9) - 1] if len(times) >= 10 else max(times)


def api(method, path, token, body=None, ctype="application/json"):
    req = urllib.request.Request(BASE + path, method=method, data=body)
    req.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.status, r.read()


def main():
    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/auth/token", data=json.dumps({"username": USER, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"})).read())["token"]

    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = web.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    web.open(BASE + "/login", data=urllib.parse.urlencode({"_csrf": csrf, "username": USER, "password": PASSWORD}).encode()).read()

    units = json.loads(api("GET", "/api/v1/units?per=500", token)[1])["items"]
    biggest = next(u for u in units if u["code"].startswith("DISDIK") and u["parentId"] is None) if any(u["code"].startswith("DISDIK") for u in units) else units[0]
    people = json.loads(api("GET", "/api/v1/employees?per=200", token)[1])["items"]
    with_position = [p for p in people if p.get("positionId")]

    rows = []
    rows.append(("Peta kesenjangan seluruh kota (HTML)", *timed(lambda: web.open(BASE + "/reports/heat-map").read(), 15)))
    rows.append(("Sebaran JPM seluruh kota (HTML)", *timed(lambda: web.open(BASE + "/reports/jpm").read(), 15)))
    rows.append((f"Ringkasan kesenjangan OPD {biggest['code']} (API)", *timed(lambda: api("GET", f"/api/v1/units/{biggest['id']}/gap-summary", token), 15)))
    it = iter(with_position * 5)
    rows.append(("Kesenjangan satu pegawai (API)", *timed(lambda: api("GET", f"/api/v1/employees/{next(it)['id']}/gap", token), 200)))

    # 10,000 new employees with valid NIPs: birth date, TMT 2005-01..2016-12, sex, sequence.
    lines = ["NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit;Kode Jabatan;NIP Atasan"]
    codes = [u["code"] for u in units]
    n = 0
    for year in range(1975, 1995):
        for month in range(1, 13):
            for seq in range(900, 942):
                if n == 10000:
                    break
                nip = f"{year}{month:02d}15{year + 27}{(seq % 12) + 1:02d}{1 + n % 2}{seq}"
                lines.append(f"{nip};Pegawai Uji {n};PNS;III/a;{codes[n % len(codes)]};;")
                n += 1
    body = ("\r\n".join(lines) + "\r\n").encode()
    start = time.perf_counter()
    status, out = api("POST", "/api/v1/employees/import", token, body, "text/csv")
    first = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    status2, out2 = api("POST", "/api/v1/employees/import", token, body, "text/csv")
    second = (time.perf_counter() - start) * 1000

    print("| Ukuran | median (ms) | p90 (ms) |")
    print("|---|---:|---:|")
    for name, median, p90 in rows:
        print(f"| {name} | {median:.1f} | {p90:.1f} |")
    print(f"| Impor 10.000 pegawai baru via API ({status}: {out.decode()}) | {first:.0f} | |")
    print(f"| Impor ulang berkas yang sama ({status2}: {out2.decode()}) | {second:.0f} | |")


if __name__ == "__main__":
    main()
