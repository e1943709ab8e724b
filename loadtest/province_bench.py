#!/usr/bin/env python3
"""Province-scale timings: every page in the menu and the main APIs, for two instansi.

    loadtest/province_bench.py http://127.0.0.1:8095 PASSWORD [n] [city]

(`city`: against a server with the city demo only — Kota Kupang's admin, no isolation check —
to compare Kota Kupang's figures alone and inside the province.)

Run it against a server that loaded `kompeten demo --scale province` (23 instansi, ~100,000
employees). It signs in as the Kota Kupang admin (`admin`, PASSWORD) and as the province's
admin (`admin.prov-ntt`, demo password), follows every link of the menu, opens the first
employee, unit, position and service, calls the main read APIs, and prints a Markdown table of
median and worst time over n requests each (default 5), slowest first. It also checks the
isolation: the province admin's employee list holds no Kota Kupang employee, and a Kota Kupang
employee's page is a 404 for them. Standard library only.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
ADMIN_PASSWORD = sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 5
CITY_ONLY = len(sys.argv) > 4 and sys.argv[4] == "city"
DEMO_PASSWORD = "Demo-Kupang-2026"


class Session:
    def __init__(self, user: str, password: str):
        self.user = user
        self.jar = http.cookiejar.CookieJar()
        self.web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.web.open(BASE + "/login").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        self.web.open(BASE + "/login", data=urllib.parse.urlencode(
            {"_csrf": csrf, "username": user, "password": password}).encode()).read()
        req = urllib.request.Request(BASE + "/api/v1/auth/token", data=json.dumps(
            {"username": user, "password": password}).encode(), headers={"Content-Type": "application/json"})
        self.token = json.loads(urllib.request.urlopen(req).read())["token"]

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            if path.startswith("/api/"):
                req = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {self.token}"})
                with urllib.request.urlopen(req, timeout=600) as r:
                    return r.status, r.read()
            with self.web.open(BASE + path, timeout=600) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def json(self, path: str):
        status, body = self.get(path)
        assert status == 200, f"{path}: {status}"
        return json.loads(body)


def timed(session: Session, path: str) -> tuple[float, float, int]:
    times, status = [], 0
    for _ in range(N):
        start = time.perf_counter()
        status, _ = session.get(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), status


def menu_links(session: Session) -> list[str]:
    _, html = session.get("/")
    nav = html.decode()
    links = sorted(set(re.findall(r'href="(/[^"#?]*)"', nav)))
    return [l for l in links if not l.startswith(("/css", "/js", "/s/", "/logout", "/exports", "/akun/data.json"))
            and "template" not in l]


def main() -> None:
    rows = []
    users = [("admin", ADMIN_PASSWORD)] + ([] if CITY_ONLY else [("admin.prov-ntt", DEMO_PASSWORD)])
    seen_patterns: set[tuple[str, str]] = set()
    for user, password in users:
        s = Session(user, password)
        employees = s.json("/api/v1/employees?per=1")
        employee = employees["items"][0]["id"]
        total = employees["metadata"]["total"]
        unit = s.json("/api/v1/units?per=1")["items"][0]["id"]
        services = s.json("/api/v1/services?per=1")["items"]
        paths = menu_links(s) + [
            f"/employees/{employee}", f"/units/{unit}", "/employees?q=maria", "/employees?page=50",
            "/api/v1/employees?per=100", "/api/v1/employees?per=100&page=200", f"/api/v1/employees/{employee}/gap",
            f"/api/v1/units/{unit}/gap-summary", "/api/v1/talent/9-box", "/api/v1/jp/compliance?per=100",
            "/api/v1/reassessments?per=100", "/api/v1/evaluations/pending", "/api/v1/positions?per=100",
            "/api/v1/competencies", "/transparansi",
        ]
        if services:
            paths += [f"/services/{services[0]['id']}", f"/api/v1/services/{services[0]['id']}/ikm", f"/api/v1/units/{unit}/ikm"]
        for path in paths:
            # One page per route pattern (the menu lists every OPD's page).
            pattern = re.sub(r"[0-9A-Fa-f-]{36}", "{id}", path)
            if (user, pattern) in seen_patterns:
                continue
            seen_patterns.add((user, pattern))
            median, worst, status = timed(s, path)
            rows.append((user, total, path, status, median, worst))
            print(f"  {user:16} {path:60} {status} {median:8.0f} ms", file=sys.stderr)

    isolated = True
    if not CITY_ONLY:
        isolated = isolation()
    print("| user (employees in scope) | page or API | status | median ms | worst ms |")
    print("|---|---|---:|---:|---:|")
    for user, total, path, status, median, worst in sorted(rows, key=lambda r: -r[4]):
        shown = re.sub(r"[0-9A-Fa-f-]{36}", "{id}", path)
        print(f"| {user} ({total:,}) | `{shown}` | {status} | {median:.0f} | {worst:.0f} |")
    slow = [r for r in rows if r[4] > 1000]
    errors = [r for r in rows if r[3] >= 500]
    print(f"\n{len(rows)} measurements, {len(slow)} with a median over 1 s, {len(errors)} server errors")
    sys.exit(1 if errors or not isolated else 0)


def isolation() -> bool:
    """The province admin sees none of Kota Kupang's people."""
    kota = Session("admin", ADMIN_PASSWORD)
    prov = Session("admin.prov-ntt", DEMO_PASSWORD)
    kupang_employee = kota.json("/api/v1/employees?per=1")["items"][0]
    prov_ids = {e["id"] for e in prov.json("/api/v1/employees?per=500")["items"]}
    status_api, _ = prov.get(f"/api/v1/employees/{kupang_employee['id']}")
    status_web, _ = prov.get(f"/employees/{kupang_employee['id']}")
    isolated = kupang_employee["id"] not in prov_ids and status_api == 404 and status_web == 404
    print(f"isolation: Kota Kupang employee from the province admin → API {status_api}, page {status_web}: "
          f"{'isolated' if isolated else 'LEAK'}")
    return isolated


if __name__ == "__main__":
    main()
