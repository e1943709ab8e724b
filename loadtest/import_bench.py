#!/usr/bin/env python3
"""Issue 20, target 2: the employee import at spreadsheet speed, against a running Kompeten.

    loadtest/import_bench.py http://127.0.0.1:8095 admin PASSWORD [--copy postgres://…] [--rounds N]

Imports 10,000 new employees through `POST /api/v1/employees/import` (one CSV, one
transaction), then the same file again (nothing changes), and prints both times. The NIPs are
new on every run (a different birth day per round), so run it against a fresh demo database each
time or raise --offset. With --copy, the same 10,000 rows (the 16 columns the import writes) are
also loaded by PostgreSQL's COPY (`psql \\copy`) into a bare temporary table in the same run, and
the import's ratio to it is printed. Standard library and `psql` only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid


def api(base, method, path, token, body=None, ctype="application/json"):
    req = urllib.request.Request(base + path, method=method, data=body)
    req.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rows(units, offset):
    """10,000 valid PNS NIPs: birth 1960–1994 (day 20+offset), TMT 25 years later, seq 900–."""
    out = []
    n = 0
    for year in range(1960, 1995):
        for month in range(1, 13):
            for seq in range(900, 925):
                if n == 10000:
                    return out
                nip = f"{year}{month:02d}{20 + offset:02d}{year + 25}{month:02d}{1 + n % 2}{seq}"
                out.append((nip, f"Pegawai Uji {n}", units[n % len(units)]))
                n += 1
    return out


def copy_seconds(pg_url, data, instansi):
    """psql's `\\timing` of `\\copy` of the rows into a bare temp table: median of 3."""
    now = "2026-12-08 00:00:00+00"
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        for nip, name, unit in data:
            f.write(f"{uuid.uuid4()},{instansi},{unit['id']},{nip},{name},1,1980-01-01,PNS,III/a,,,t,,,{now},{now}\n")
        path = f.name
    table = ("CREATE TEMP TABLE bench_employees (id uuid, instansi_id uuid, unit_id uuid, nip text, name text, "
             "sex int, birth_date text, employment_type text, rank text, supervisor_id uuid, position_id uuid, "
             "is_active bool, cpns_tmt text, position_tmt text, created_at timestamptz, updated_at timestamptz);")
    times = []
    try:
        for _ in range(3):
            script = f"{table}\n\\timing on\n\\copy bench_employees FROM '{path}' WITH (FORMAT csv)\n"
            out = subprocess.run(["psql", pg_url, "-q", "-v", "ON_ERROR_STOP=1"], input=script, text=True,
                                 check=True, capture_output=True).stdout
            times.append(float(re.findall(r"Time: ([0-9.]+) ms", out)[-1]) / 1000)
    finally:
        os.unlink(path)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("user")
    ap.add_argument("password")
    ap.add_argument("--copy", help="PostgreSQL URL for the COPY reference")
    ap.add_argument("--offset", type=int, default=0, help="0–8: another birth day, so new NIPs on a used database")
    a = ap.parse_args()
    base = a.base.rstrip("/")
    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        base + "/api/v1/auth/token", data=json.dumps({"username": a.user, "password": a.password}).encode(),
        headers={"Content-Type": "application/json"})).read())["token"]
    units = json.loads(api(base, "GET", "/api/v1/units?per=500", token)[1])["items"]
    data = rows(units, a.offset)
    lines = ["NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit;Kode Jabatan;NIP Atasan"]
    lines += [f"{nip};{name};PNS;III/a;{unit['code']};;" for nip, name, unit in data]
    body = ("\r\n".join(lines) + "\r\n").encode()

    start = time.perf_counter()
    status, out = api(base, "POST", "/api/v1/employees/import", token, body, "text/csv")
    first = time.perf_counter() - start
    start = time.perf_counter()
    status2, out2 = api(base, "POST", "/api/v1/employees/import", token, body, "text/csv")
    second = time.perf_counter() - start

    print("| measure | seconds | answer |")
    print("|---|---:|---|")
    print(f"| 10,000 new employees | {first:.3f} | {status} {out.decode()[:120]} |")
    print(f"| re-import, nothing changes | {second:.3f} | {status2} {out2.decode()[:120]} |")
    if a.copy:
        instansi = units[0].get("instansiId") or str(uuid.uuid4())
        c = copy_seconds(a.copy, data, instansi)
        print(f"| PostgreSQL `\\copy` of the same 10,000 rows into a bare temp table | {c:.3f} | |")
        print(f"| import ÷ COPY | {first / c:.1f} | |")


if __name__ == "__main__":
    main()
