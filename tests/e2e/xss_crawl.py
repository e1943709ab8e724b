#!/usr/bin/env python3
"""Hostile-input crawl: plant XSS payloads through the JSON API, then crawl every HTML page.

A plain script (no pytest, only requests + the standard library). Against a running app
with a throwaway database (the planted records are kept):

    .venv-test/bin/python tests/e2e/xss_crawl.py --base-url http://127.0.0.1:8081 \\
        --user admin --password Dev-Kupang-2026 [--max-pages 600] [--artifacts DIR]

What it does:
    1. Plants records through /api/v1 (bearer token from POST /api/v1/auth/token): a unit and
       a sub-unit, a technical competency, a position, two employees (one the other's
       supervisor), an assessment, a provider, a programme, a batch, an enrolment (completed,
       with an L1 evaluation), off-catalogue learning, a development plan, a public service,
       a login for each employee. Every free-text field gets a payload built around a unique
       marker: ``XSS<marker><script>alert('<marker>')</script>"'<img src=x onerror=alert(1)>``
       plus Unicode (ü, 日本, RTL override). Where validation refuses it (HTTP 422) the field
       falls back to a shorter payload, then to plain text (codes stay plain uppercase).
    2. Logs in to the web UI (CSRF field from the login form) and crawls same-origin GET links
       (<a href>) breadth-first from "/", the planted records' pages and search/filter pages
       whose query strings carry the payload; URLs that differ only in ids count as one route
       pattern, visited at most --per-pattern times (planted pages always). Then the public
       pages without a session (/transparansi, /s/{code}, ...).
    3. Every HTML response: status below 500; none of the markup the payload would inject
       (``<script>alert(``, ``<img src=x onerror``, a raw quote next to a marker inside a tag,
       an attribute name made of payload debris); no inline <script> (each needs src and an
       empty body); no on* attribute; no javascript: URL in href/src/action/formaction; a
       Content-Security-Policy whose script-src has no 'unsafe-inline'. Other content types
       (downloads) only need a status below 500; SVG is also scanned for the raw payload.

    4. Crawls again as the planted employee and supervisor logins (their own pages).

Prints one line per failure (URL, what, a 200-character excerpt), the failures grouped by
route pattern, then ``xss-crawl: N pages (M route patterns), K failures``; exits 1 on any
failure. Also reports how many planted markers were seen (escaped) in some page, so a silent
loss of coverage shows, and linked URLs that answer 404 (as a note, not a failure).

Options: --per-pattern (default 3), --workers (requests in flight, default 4),
--artifacts DIR (xss-crawl-visited.txt: status, login, URL, content type, time per request;
xss-crawl-failures.txt), --self-test (runs the page checks on canned good and bad HTML, no
server needed). About a minute against the debug server with the demo data.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import re
import string
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import requests

TIMEOUT = 60
RUN = "k7" + "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(4))
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
SKIP_PATH_RE = re.compile(r"^/(logout|signout|keluar)\b|^/(css|js|img|images|fonts)/|^/api/", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
SAFE_ATTR_NAME = re.compile(r"^[a-z_:@][-a-z0-9_:.@]*$")
HTML_TYPES = ("text/html", "application/xhtml+xml")
SCAN_RAW_TYPES = HTML_TYPES + ("image/svg+xml", "application/xml", "text/xml")


# --------------------------------------------------------------------------- payloads


class Payloads:
    """Hands out markers (k7xxxxn1, k7xxxxn2, ...) and the payload strings built on them."""

    def __init__(self) -> None:
        self.count = 0
        self.where: dict[str, str] = {}  # marker -> "entity.field"

    def marker(self, where: str) -> str:
        self.count += 1
        m = f"{RUN}n{self.count}"
        self.where[m] = where
        return m

    @staticmethod
    def full(m: str) -> str:
        return f"XSS{m}<script>alert('{m}')</script>\"'<img src=x onerror=alert(1)> ü 日本 \u202e"

    @staticmethod
    def short(m: str) -> str:  # for fields capped around 60 characters
        return f"X{m}\"'<img src=x onerror=alert(1)>ü\u202e"

    @staticmethod
    def plain(m: str) -> str:  # validation refuses markup: still visible in HTML
        return f"XSS{m} ü 日本"

    def query(self, where: str) -> str:
        return self.full(self.marker(where))


PAYLOADS = Payloads()


@dataclass
class T:
    """A hostile text slot in a request body; `level` picks full / short / plain / omitted."""

    marker: str
    optional: bool = False
    level: int = 0
    plain: str | None = None  # a format-valid fallback (an e-mail address) carrying the marker

    def render(self) -> Any:
        if self.level == 0:
            return Payloads.full(self.marker)
        if self.level == 1:
            return Payloads.short(self.marker)
        if self.level == 2 or not self.optional:
            return self.plain or Payloads.plain(self.marker)
        return None


# --------------------------------------------------------------------------- API planting


class CheckFailed(AssertionError):
    pass


def step(message: str) -> None:
    print(f"    xss-crawl: {message}", flush=True)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class Api:
    def __init__(self, base: str, user: str, password: str) -> None:
        self.base = base
        self.http = requests.Session()
        r = self.http.post(f"{base}/api/v1/auth/token", json={"username": user, "password": password}, timeout=TIMEOUT)
        check(r.status_code == 200, f"POST /api/v1/auth/token as {user}: HTTP {r.status_code} {r.text[:200]}")
        self.http.headers["Authorization"] = f"Bearer {r.json()['token']}"

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.base + path, timeout=TIMEOUT)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.http.post(self.base + path, json=body, timeout=TIMEOUT)


def render_body(body: Any) -> Any:
    if isinstance(body, T):
        return body.render()
    if isinstance(body, dict):
        out = {k: render_body(v) for k, v in body.items()}
        return {k: v for k, v in out.items() if v is not None or not isinstance(body[k], T)}
    if isinstance(body, list):
        return [render_body(v) for v in body]
    return body


def slots(body: Any, path: str = "") -> list[tuple[str, T]]:
    if isinstance(body, T):
        return [(path, body)]
    if isinstance(body, dict):
        return [s for k, v in body.items() for s in slots(v, f"{path}.{k}" if path else k)]
    if isinstance(body, list):
        return [s for i, v in enumerate(body) for s in slots(v, f"{path}[{i}]")]
    return []


def error_fields(r: requests.Response) -> list[str]:
    try:
        return [str(f.get("field", "")) for f in r.json().get("fields") or []]
    except (ValueError, AttributeError):
        return []


def error_text(r: requests.Response) -> str:
    try:
        j = r.json()
        fields = "; ".join(f"{f.get('field')}: {f.get('message')}" for f in j.get("fields") or [])
        return f"{j.get('reason')}" + (f" [{fields}]" if fields else "")
    except ValueError:
        return r.text[:200]


def top_key(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def plant(api: Api, what: str, path: str, body: Any, *, ok: tuple[int, ...] = (200, 201), required: bool = True) -> dict | None:
    """POSTs body, lowering the payload level of the fields a 422 names (all slots if it names
    none) until it is accepted. Returns the created JSON, or None (required=False) on failure."""
    hostile = slots(body)
    last = None
    for _attempt in range(8):
        r = api.post(path, render_body(body))
        last = r
        if r.status_code in ok:
            names = ("full", "short", "plain", "omitted")
            levels = collections.Counter(names[s.level] for _, s in hostile)
            summary = ", ".join(f"{n} {k}" for k, n in sorted(levels.items())) or "no text fields"
            lowered = sorted({f"{top_key(p_)}={names[s.level]}" for p_, s in hostile if s.level})
            step(f"planted {what} via POST {path} ({summary}{'; ' + ', '.join(lowered) if lowered else ''})")
            try:
                return r.json()
            except ValueError:
                return {}
        if r.status_code != 422:
            break
        named = {top_key(f) for f in error_fields(r)}
        targets = [s for p, s in hostile if top_key(p) in named] or [s for _, s in hostile]
        targets = [s for s in targets if s.level < 3]
        if not targets:
            break
        for s in targets:
            s.level += 1
    message = f"could not plant {what}: POST {path} HTTP {last.status_code if last is not None else '?'} {error_text(last) if last is not None else ''}"
    if required:
        raise CheckFailed(message)
    step(message + " (skipped)")
    return None


def t(where: str, optional: bool = False, plain: str | None = None) -> T:
    m = PAYLOADS.marker(where)
    return T(m, optional=optional, plain=plain.format(m=m) if plain else None)


def make_nip(rng: random.Random, pppk: bool = False) -> str:
    birth = dt.date(1975, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 20))
    year = birth.year + 20 + rng.randrange(0, 10)
    month = 21 if pppk else rng.randrange(1, 13)
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{rng.choice('12')}{rng.randrange(1, 1000):03d}"


@dataclass
class Planted:
    """Ids of the planted records and the web pages that show them."""

    ids: dict[str, str] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    public_pages: list[str] = field(default_factory=list)
    logins: list[tuple[str, str, list[str]]] = field(default_factory=list)  # name, password, pages to visit


def plant_all(base: str, user: str, password: str) -> Planted:
    api = Api(base, user, password)
    rng = random.Random()
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()  # the app's calendar is WITA
    code = RUN.upper()
    p = Planted()

    unit = plant(api, "unit (OPD)", "/api/v1/units", {"code": f"XSS-{code}", "name": t("unit.name"), "kind": "opd"})
    p.ids["unit"] = unit["id"]
    sub = plant(api, "sub-unit", "/api/v1/units",
                {"code": f"XSS-{code}.B1", "name": t("subunit.name"), "kind": "bidang", "parentId": unit["id"]}, required=False)

    comp_code = f"T.XSS{code}"
    levels = [{"level": n, "description": t(f"competency.level{n}"), "indicators": [t(f"competency.level{n}.indicator")]}
              for n in range(1, 6)]
    comp = plant(api, "competency", "/api/v1/competencies",
                 {"code": comp_code, "name": t("competency.name"), "group": "teknis",
                  "definition": t("competency.definition"), "field": t("competency.field", optional=True), "levels": levels})
    p.ids["competency"] = comp["id"]

    position = plant(api, "position", "/api/v1/positions",
                     {"code": f"XSS-{code}.J1", "name": t("position.name"), "kind": "pelaksana", "unitId": unit["id"],
                      "summary": t("position.summary", optional=True), "duties": [t("position.duty"), t("position.duty")],
                      "standards": [{"competencyCode": comp_code, "requiredLevel": 3}, {"competencyCode": "M.1", "requiredLevel": 2}]})
    p.ids["position"] = position["id"]

    def employee(role: str, supervisor: str | None) -> dict:
        body = {"nip": make_nip(rng), "name": t(f"{role}.name"), "employmentType": "PNS", "rank": "III/a",
                "unitId": unit["id"], "positionId": position["id"]}
        if supervisor:
            body["supervisorId"] = supervisor
        for _ in range(3):  # a clashing random NIP is the only likely conflict
            created = plant(api, role, "/api/v1/employees", body, required=False, ok=(200, 201))
            if created:
                return created
            body["nip"] = make_nip(rng)
        raise CheckFailed(f"could not plant the {role}")

    boss = employee("supervisor", None)
    emp = employee("employee", boss["id"])
    p.ids["employee"], p.ids["supervisor"] = emp["id"], boss["id"]

    plant(api, "assessment", f"/api/v1/employees/{emp['id']}/assessments",
          {"date": (today - dt.timedelta(days=30)).isoformat(), "method": "supervisor",
           "assessorName": t("assessment.assessorName", optional=True), "notes": t("assessment.notes", optional=True),
           "results": [{"competencyCode": comp_code, "level": 1}, {"competencyCode": "M.1", "level": 1}]}, required=False)
    plant(api, "performance rating", f"/api/v1/employees/{emp['id']}/performance",
          {"year": today.year - 1, "hasilKerja": "di_atas_ekspektasi", "perilakuKerja": "di_atas_ekspektasi"}, required=False)

    provider = plant(api, "provider", "/api/v1/providers",
                     {"code": f"XSS-{code}", "name": t("provider.name"), "kind": "swasta", "accreditation": "B",
                      "contactName": t("provider.contactName", optional=True), "phone": t("provider.phone", optional=True),
                      "email": t("provider.email", optional=True, plain="xss{m}@contoh.go.id"), "address": t("provider.address", optional=True)})
    p.ids["provider"] = provider["id"]

    programme = plant(api, "programme", "/api/v1/programs",
                      {"code": f"XSS-{code}", "title": t("programme.title"), "form": "klasikal", "path": "KL01",
                       "providerId": provider["id"], "competencies": [{"competencyCode": comp_code, "levelGain": 2}],
                       "jp": 12, "costPerParticipant": 1500000, "capacity": 20,
                       "description": t("programme.description", optional=True)})
    p.ids["programme"] = programme["id"]

    batch = plant(api, "batch", f"/api/v1/programs/{programme['id']}/batches",
                  {"name": t("batch.name"), "startDate": (today - dt.timedelta(days=3)).isoformat(),
                   "endDate": today.isoformat(), "capacity": 10,
                   "place": t("batch.place", optional=True), "online": False}, required=False)
    enrolment = None
    if batch:
        p.ids["batch"] = batch["id"]
        enrolment = plant(api, "enrolment", f"/api/v1/batches/{batch['id']}/enrolments", {"employeeId": emp["id"]}, required=False)
        plant(api, "enrolment (supervisor)", f"/api/v1/batches/{batch['id']}/enrolments", {"employeeId": boss["id"]}, required=False)
    if enrolment:
        p.ids["enrolment"] = enrolment["id"]
        plant(api, "completion", f"/api/v1/enrolments/{enrolment['id']}/complete",
              {"certificateNumber": t("completion.certificateNumber"), "attendancePercent": 100}, required=False)

    service = plant(api, "service", "/api/v1/services",
                    {"code": f"XSS-{code}", "name": t("service.name"), "unitId": unit["id"], "standardMinutes": 120,
                     "standardText": t("service.standardText", optional=True), "fee": 0,
                     "requirements": [t("service.requirement"), t("service.requirement")],
                     "legalBasis": t("service.legalBasis", optional=True), "positionIds": [position["id"]]})
    p.ids["service"] = service["id"]
    survey_path = service.get("surveyPath") or f"/s/{service['code'].lower()}"
    anon = requests.post(f"{base}/api/v1/public/services/{service['id']}/survey", timeout=TIMEOUT,
                         json={"answers": {f"U{i}": 1 + i % 4 for i in range(1, 10)}, "channel": "daring"})
    step(f"public survey answer for the planted service: HTTP {anon.status_code}")

    # Logins for the two employees: the evaluation, learning and plan flows are theirs.
    secret = "Xss-" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(16))
    logins = {}
    for role, person in (("employee", emp), ("supervisor", boss)):
        name = f"xss{RUN}{role[:3]}"
        made = plant(api, f"{role} login", "/api/v1/users",
                     {"username": name, "password": secret, "role": role, "employeeId": person["id"]}, required=False)
        if made:
            p.ids[f"user.{role}"] = made["id"]
            p.logins.append((name, secret, []))
            try:
                logins[role] = Api(base, name, secret)
            except CheckFailed as exc:
                step(f"cannot use the planted {role} login: {exc}")
    as_employee = logins.get("employee", api)
    as_boss = logins.get("supervisor", api)

    if enrolment:
        plant(as_employee, "L1 evaluation", f"/api/v1/enrolments/{enrolment['id']}/evaluations",
              {"level": 1, "respondentRole": "participant",
               "scores": {"material": 4, "facilitator": 3, "organisation": 2, "usefulness": 1},
               "comment": t("evaluation.comment")}, required=False)

    learning = plant(as_employee, "off-catalogue learning", f"/api/v1/employees/{emp['id']}/learning",
                     {"title": t("learning.title"), "path": "NKL01", "organiser": t("learning.organiser"),
                      "startDate": (today - dt.timedelta(days=40)).isoformat(),
                      "endDate": (today - dt.timedelta(days=39)).isoformat(), "jp": 4}, required=False)
    if learning:
        plant(as_employee, "second learning", f"/api/v1/employees/{emp['id']}/learning",
              {"title": t("learning2.title"), "path": "NKL02", "organiser": t("learning2.organiser"),
               "startDate": (today - dt.timedelta(days=60)).isoformat(),
               "endDate": (today - dt.timedelta(days=59)).isoformat(), "jp": 3}, required=False)
        plant(as_boss, "learning rejection", f"/api/v1/learning/{learning['id']}/decision",
              {"verify": False, "reason": t("learning.reason")}, required=False)

    plan = plant(as_employee, "development plan", f"/api/v1/employees/{emp['id']}/plans",
                 {"year": today.year, "items": [{"competencyCode": comp_code, "title": t("planItem.title"), "jp": 8,
                                                 "note": t("planItem.note", optional=True)}]}, required=False)
    if plan:
        p.ids["plan"] = plan["id"]
        plant(as_employee, "plan item with programme", f"/api/v1/plans/{plan['id']}/items",
              {"programId": programme["id"], "note": t("planItem2.note", optional=True)}, required=False)
        if plant(as_employee, "plan submission", f"/api/v1/plans/{plan['id']}/transition", {"to": "submitted"}, required=False):
            plant(as_boss, "plan rejection", f"/api/v1/plans/{plan['id']}/transition",
                  {"to": "rejected", "reason": t("plan.rejectionReason")}, required=False)
    boss_plan = plant(as_boss, "supervisor's plan", f"/api/v1/employees/{boss['id']}/plans",
                      {"year": today.year, "items": [{"title": t("planItem3.title"), "jp": 4}]}, required=False)

    u, e, b = unit["id"], emp["id"], boss["id"]
    pages = [
        f"/units/{u}", f"/units/{u}/edit", f"/units/new?parent={u}",
        f"/competencies/{comp['id']}", f"/competencies/{comp['id']}/edit",
        f"/positions/{position['id']}", f"/positions/{position['id']}/edit", f"/positions?unit={u}", f"/positions/new?unit={u}",
        f"/employees/{e}", f"/employees/{e}/edit", f"/employees/{e}/plans", f"/employees/{e}/performance",
        f"/employees/{e}/assessments/new", f"/employees/{e}/learning/new",
        f"/employees/{b}", f"/employees/{b}/plans", f"/employees?unit={u}", f"/employees?q=XSS{RUN}",
        f"/providers/{provider['id']}/edit", f"/programs/{programme['id']}", f"/programs/{programme['id']}/edit",
        f"/programs?provider={provider['id']}", f"/programs?competency={quote(comp_code)}", f"/programs?q=XSS{RUN}",
        f"/services/{service['id']}", f"/services/{service['id']}/edit", f"/services/{service['id']}/responses",
        f"/services/{service['id']}/paper", f"/services?unit={u}",
        f"/reports/gaps?unit={u}", f"/reports/gaps?competency={quote(comp_code)}", f"/reports/heat-map?unit={u}",
        f"/development/needs?unit={u}", f"/development/jp?unit={u}", f"/development/annual-plan?unit={u}",
        f"/talent?unit={u}", f"/talent?unit={u}&year={today.year - 1}", f"/reassessments?unit={u}",
        f"/monitoring?unit={u}", f"/skm?unit={u}", f"/impact?unit={u}", "/plans", "/evaluations", "/admin/audit",
        "/admin/users",
    ]
    if sub:
        pages.append(f"/units/{sub['id']}")
    if batch:
        pages.append(f"/batches/{batch['id']}")
    if plan:
        pages.append(f"/plans/{plan['id']}")
    if boss_plan:
        pages.append(f"/plans/{boss_plan['id']}")
    for key in ("user.employee", "user.supervisor"):
        if key in p.ids:
            pages.append(f"/admin/users/{p.ids[key]}/edit")
    p.pages = pages
    own = [f"/employees/{e}", f"/employees/{e}/plans", f"/employees/{e}/learning/new", "/evaluations", "/plans"]
    own += [f"/enrolments/{enrolment['id']}/evaluate"] if enrolment else []
    own += [f"/plans/{plan['id']}"] if plan else []
    for name, _, visit in p.logins:
        visit.extend(own if name.endswith("emp") else [f"/employees/{b}", f"/employees/{e}", "/plans", "/evaluations"])
    p.public_pages = ["/transparansi", survey_path, f"{survey_path}?kios=1", f"{survey_path}/poster",
                      f"{survey_path}/terima-kasih", f"{survey_path}/qr.svg", f"/transparansi?instansi={quote(PAYLOADS.query('q.transparansi.instansi'))}"]
    return p


def hostile_queries(ids: dict[str, str]) -> list[str]:
    """Search and filter pages with the payload in their query strings: one hostile parameter
    at a time (the others left out or valid), so a refused filter does not hide the rest."""
    specs = {
        "/employees": ["q", "unit", "type"], "/positions": ["q", "unit", "kind"],
        "/programs": ["q", "competency", "form", "provider"], "/services": ["unit"],
        "/reports/gaps": ["unit", "competency"], "/reports/heat-map": ["unit"], "/reports/jpm": ["unit"],
        "/development/needs": ["unit", "view"], "/development/jp": ["unit", "view"],
        "/development/annual-plan": ["year", "budget", "unit"], "/talent": ["unit", "pool"],
        "/reassessments": ["unit", "status"], "/monitoring": ["unit", "from", "to", "table", "kind"],
        "/skm": ["unit", "from", "to"], "/impact": ["unit", "from", "to"],
        "/admin/audit": ["entity", "action", "user", "from", "to"], "/evaluations": ["level"],
    }
    unit = ids.get("unit")
    urls = []
    for path, names in specs.items():
        for name in names:
            query = {name: PAYLOADS.query(f"q.{path}.{name}")}
            if name != "unit" and "unit" in names and unit:
                query["unit"] = unit  # keeps the planted unit's records on the page
            urls.append(path + "?" + urlencode(query))
    if "service" in ids:
        s = ids["service"]
        urls.append(f"/services/{s}?" + urlencode({"from": PAYLOADS.query("q.service.from"), "to": PAYLOADS.query("q.service.to")}))
        urls.append(f"/services/{s}/responses?" + urlencode({"flagged": PAYLOADS.query("q.responses.flagged")}))
    urls.append("/employees?" + urlencode({"q": PAYLOADS.query("q.employees.page"), "page": "2"}))
    urls.append("/employees?" + urlencode({"q": f"XSS{RUN}"}))
    urls.append("/units/" + quote(PAYLOADS.query("path.units"), safe=""))
    urls.append("/programs/" + quote(PAYLOADS.query("path.programs"), safe="") + "/edit")
    return urls


def public_hostile() -> list[str]:
    return [
        "/login?" + urlencode({"next": PAYLOADS.query("q.login.next")}),
        "/login?next=" + quote("javascript:alert(1)"),
        "/s/" + quote(PAYLOADS.query("path.survey"), safe=""),
        "/s/" + quote(PAYLOADS.query("path.survey.poster"), safe="") + "/poster",
        "/" + quote(PAYLOADS.query("path.notfound"), safe=""),
    ]


# --------------------------------------------------------------------------- page checks


@dataclass
class Failure:
    url: str
    what: str
    excerpt: str

    def __str__(self) -> str:
        return f"FAIL {self.url}: {self.what}\n      excerpt: {self.excerpt!r}"


def excerpt(text: str, pos: int, width: int = 200) -> str:
    start = max(0, pos - width // 3)
    return text[start:start + width]


class PageParser(HTMLParser):
    """Collects <a href> links and the markup problems the checks look for."""

    def __init__(self, markers: re.Pattern[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.problems: list[tuple[str, tuple[int, int]]] = []
        self.markers = markers
        self.script_open: tuple[int, int] | None = None
        self.script_body = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self.getpos()
        raw = self.get_starttag_text() or ""
        debris = []
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((f"<{tag}> has an event-handler attribute {name}={value!r}", pos))
            elif not SAFE_ATTR_NAME.match(name):
                debris.append(name)
            if name in URL_ATTRS and value and re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "vbscript:")):
                self.problems.append((f"<{tag} {name}> is a script URL {value[:60]!r}", pos))
        if debris:
            self.problems.append((f"<{tag}> has malformed attribute names {debris[:4]!r} (payload broke out of a value?)", pos))
        m = self.markers.pattern
        if self.markers.search(raw) and re.search(rf"(?:</script>|&lt;/script&gt;)[\"']|{m}(?:[\"']\)|\"'|'\")", raw):
            self.problems.append((f"<{tag}> holds a marker with a raw quote inside the tag (attribute break-out)", pos))
        if tag == "script":
            src = dict(attrs).get("src")
            if not src:
                self.problems.append(("<script> without src (CSP forbids inline script)", pos))
            self.script_open, self.script_body = pos, ""
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.script_open = None

    def handle_data(self, data: str) -> None:
        if self.script_open is not None:
            self.script_body += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script_open is not None:
            if self.script_body.strip():
                self.problems.append((f"inline <script> body {self.script_body.strip()[:60]!r}", self.script_open))
            self.script_open = None


def offset_of(text: str, pos: tuple[int, int]) -> int:
    line, col = pos
    off = 0
    for _ in range(line - 1):
        nl = text.find("\n", off)
        if nl < 0:
            break
        off = nl + 1
    return off + col


RAW_BAD = [
    (re.compile(r"<script>alert\(", re.I), "raw payload markup '<script>alert(' in the page"),
    (re.compile(r"<img src=x onerror", re.I), "raw payload markup '<img src=x onerror' in the page"),
]


def check_csp(headers: requests.structures.CaseInsensitiveDict) -> str | None:
    csp = headers.get("Content-Security-Policy")
    if not csp:
        return "no Content-Security-Policy header"
    directives = {}
    for part in csp.split(";"):
        bits = part.strip().split()
        if bits:
            directives[bits[0].lower()] = [b.lower() for b in bits[1:]]
    script = directives.get("script-src", directives.get("default-src"))
    if script is None:
        return f"CSP has neither script-src nor default-src: {csp}"
    if "'unsafe-inline'" in script:
        return f"CSP script-src allows 'unsafe-inline': {csp}"
    return None


MARKERS = re.compile(re.escape(RUN) + r"n\d+")


def check_page(url: str, r: requests.Response, body: str | None) -> tuple[list[Failure], list[str]]:
    """Returns the failures and the <a href> links of one response."""
    fails: list[Failure] = []
    if r.status_code >= 500:
        fails.append(Failure(url, f"HTTP {r.status_code}", (body or "")[:200]))
    ctype = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if body is None:
        return fails, []
    for rx, what in RAW_BAD:
        for m in rx.finditer(body):
            fails.append(Failure(url, what, excerpt(body, m.start())))
            break
    if ctype not in HTML_TYPES:
        return fails, []
    if r.status_code < 300 or r.status_code >= 400:
        problem = check_csp(r.headers)
        if problem:
            fails.append(Failure(url, problem, body[:200]))
    parser = PageParser(MARKERS)
    try:
        parser.feed(body)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser rarely raises; report it
        fails.append(Failure(url, f"HTML parser error {exc}", body[:200]))
    for what, pos in parser.problems:
        fails.append(Failure(url, what, excerpt(body, offset_of(body, pos))))
    return fails, parser.links


# --------------------------------------------------------------------------- crawling


def is_download(url: str) -> bool:
    parts = urlsplit(url)
    keys = {k for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return parts.path.startswith("/exports/") or parts.path.endswith("/template") or "format" in keys


def route_pattern(url: str) -> str:
    """The URL with ids collapsed and query values dropped; downloads (exports, templates,
    ?format=) collapse to their path so each exporter runs once."""
    parts = urlsplit(url)
    segs = []
    prev = ""
    for seg in parts.path.split("/"):
        if UUID_RE.match(seg):
            seg = "{id}"
        elif seg.isdigit():
            seg = "{n}"
        elif prev == "s" and seg:
            seg = "{code}"
        elif RUN in seg:
            seg = "{payload}"
        segs.append(seg)
        prev = seg
    path = "/".join(segs) or "/"
    if is_download(url):
        return "download " + path
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


def login_web(base: str, user: str, password: str) -> requests.Session:
    s = requests.Session()
    r = s.get(f"{base}/login", timeout=TIMEOUT)
    check(r.status_code == 200, f"GET /login: HTTP {r.status_code}")
    form = re.search(r"<form[^>]*id=\"login-form\".*?</form>", r.text, re.S)
    check(form is not None, "GET /login: no form#login-form")
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    check(any("csrf" in k.lower() for k in hidden), f"GET /login: no hidden CSRF input (hidden fields {sorted(hidden)})")
    data = {**hidden, "username": user, "password": password}
    r = s.post(f"{base}/login", data=data, timeout=TIMEOUT, allow_redirects=True)
    check(r.status_code == 200 and urlsplit(r.url).path == "/",
          f"POST /login as {user}: ended on {r.url} with HTTP {r.status_code}, expected the dashboard")
    return s


@dataclass
class Fetched:
    url: str
    line: str
    failures: list[Failure]
    links: list[str]
    markers: set[str]


@dataclass
class Crawl:
    base: str
    session: requests.Session
    label: str
    max_pages: int
    per_pattern: int
    workers: int = 4
    visited: list[str] = field(default_factory=list)
    patterns: collections.Counter = field(default_factory=collections.Counter)
    failures: list[Failure] = field(default_factory=list)
    markers_seen: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def normalise(self, href: str, page: str) -> str | None:
        absolute = urljoin(page, href.strip())
        parts = urlsplit(absolute)
        root = urlsplit(self.base)
        if parts.scheme not in ("http", "https") or parts.netloc != root.netloc:
            return None
        if SKIP_PATH_RE.search(parts.path):
            return None
        return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))

    def fetch(self, url: str) -> Fetched:
        """GETs one URL and checks it (runs in a worker thread: touches no shared state)."""
        started = time.monotonic()
        try:
            r = self.session.get(url, timeout=TIMEOUT, allow_redirects=False, stream=True)
        except requests.RequestException as exc:
            return Fetched(url, f"ERR {self.label} {url}", [Failure(url, f"request failed: {exc}", "")], [], set())
        ctype = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = None
        if ctype in SCAN_RAW_TYPES or r.status_code >= 500:
            r.encoding = r.encoding or "utf-8"
            body = r.text
        else:
            for _ in r.iter_content(65536):  # a download: read it through, keep nothing
                pass
        line = f"{r.status_code} {self.label} {url} [{ctype or '-'}] {time.monotonic() - started:.2f}s"
        fails, links = check_page(url, r, body)
        nxt = [self.normalise(h, url) for h in links]
        if r.is_redirect and r.headers.get("Location"):
            nxt.append(self.normalise(r.headers["Location"], url))
        # CSV before XLSX: one download per exporter is enough, and CSV is the cheaper one.
        follow = sorted((u for u in nxt if u), key=lambda u: is_download(u) and "format=csv" not in u)
        return Fetched(url, line, fails, follow, set(MARKERS.findall(body or "")))

    def admit(self, url: str, forced: bool) -> bool:
        if url in self.seen:
            return False
        pattern = route_pattern(url)
        cap = 1 if pattern.startswith("download ") else self.per_pattern
        if not forced and self.patterns[pattern] >= cap:
            return False
        self.seen.add(url)
        self.patterns[pattern] += 1
        return True

    def run(self, must: list[str], seeds: list[str]) -> None:
        """Breadth-first, `workers` requests at a time; `must` URLs ignore the per-pattern cap."""
        queue: collections.deque[tuple[str, bool]] = collections.deque()
        for path in must:
            queue.append((urljoin(self.base + "/", path.lstrip("/")), True))
        for path in seeds:
            queue.append((urljoin(self.base + "/", path.lstrip("/")), False))
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            while queue and len(self.visited) < self.max_pages:
                batch: list[str] = []
                room = min(self.workers * 2, self.max_pages - len(self.visited))
                while queue and len(batch) < room:
                    url, forced = queue.popleft()
                    if self.admit(url, forced):
                        batch.append(url)
                for got in pool.map(self.fetch, batch):
                    self.visited.append(got.line)
                    self.failures.extend(got.failures)
                    for f in got.failures:
                        print(f"  {f}", flush=True)
                    self.markers_seen |= got.markers
                    queue.extend((link, False) for link in got.links if link not in self.seen)


# --------------------------------------------------------------------------- self-test


def fake_response(status: int, csp: str | None) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r.headers["Content-Type"] = "text/html; charset=utf-8"
    if csp:
        r.headers["Content-Security-Policy"] = csp
    return r


def self_test() -> int:
    """Feeds the page checks known-good and known-bad HTML (no server needed)."""
    m = PAYLOADS.marker("self-test")
    csp = "default-src 'self'; script-src 'self'"
    esc = Payloads.full(m).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
    half = Payloads.full(m).replace("<", "&lt;").replace(">", "&gt;")  # quotes left raw
    wrap = '<!DOCTYPE html><html><head><script src="/js/app.js" defer></script></head><body>{}</body></html>'
    cases = [
        ("escaped everywhere", 200, csp, wrap.format(f'<input value="{esc}"><p title="{esc}">{esc}</p>'), 0),
        ("raw in text", 200, csp, wrap.format(f"<p>{Payloads.full(m)}</p>"), 3),
        ("quotes raw in attribute", 200, csp, wrap.format(f'<input value="{half}">'), 1),
        ("short payload in attribute", 200, csp, wrap.format(f'<input value="{Payloads.short(m)}">'), 1),
        ("javascript: link", 200, csp, wrap.format('<a href=" JavaScript:alert(1)">x</a>'), 1),
        ("inline script", 200, csp, wrap.format("<script>var a = 1;</script>"), 1),
        ("no CSP", 200, None, wrap.format("<p>ok</p>"), 1),
        ("unsafe-inline", 200, "script-src 'self' 'unsafe-inline'", wrap.format("<p>ok</p>"), 1),
        ("server error", 500, csp, wrap.format("<p>boom</p>"), 1),
    ]
    bad = 0
    for name, status, policy, html, want in cases:
        fails, _ = check_page(f"self-test:{name}", fake_response(status, policy), html)
        ok = (len(fails) == 0) if want == 0 else (len(fails) >= want)
        print(f"    xss-crawl self-test: {'ok ' if ok else 'BAD'} {name}: {len(fails)} finding(s)"
              + "".join(f"\n        {f.what}" for f in fails))
        bad += not ok
    print(f"xss-crawl self-test: {len(cases) - bad} passed, {bad} failed")
    return 1 if bad else 0


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base-url", default="http://127.0.0.1:8081")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", help="required unless --self-test")
    ap.add_argument("--self-test", action="store_true", help="only check the checks against canned HTML")
    ap.add_argument("--max-pages", type=int, default=600, help="stop the signed-in crawl after this many requests")
    ap.add_argument("--per-pattern", type=int, default=3, help="visits per route pattern (planted pages are extra)")
    ap.add_argument("--workers", type=int, default=4, help="requests in flight at once")
    ap.add_argument("--artifacts", type=Path, help="directory for visited-urls.txt and failures.txt")
    return ap.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.password:
        print("xss-crawl: --password is required", file=sys.stderr)
        return 2
    base = args.base_url.rstrip("/")
    started = time.monotonic()
    step(f"run marker {RUN}; planting hostile records via {base}/api/v1")
    try:
        planted = plant_all(base, args.user, args.password)
        session = login_web(base, args.user, args.password)
    except (CheckFailed, requests.RequestException) as exc:
        print(f"xss-crawl: FAILED before crawling: {exc}", file=sys.stderr)
        print("xss-crawl: 0 pages (0 route patterns), 1 failures")
        return 1

    step(f"signed-in crawl as {args.user}: {len(planted.pages)} planted pages, then links from /")
    crawl = Crawl(base, session, args.user, args.max_pages, args.per_pattern, args.workers)
    crawl.run(must=planted.pages + hostile_queries(planted.ids), seeds=["/"])

    step("public crawl without a session")
    public = Crawl(base, requests.Session(), "anonymous", max(50, args.max_pages // 6), args.per_pattern, args.workers)
    public.run(must=planted.public_pages + public_hostile(), seeds=["/transparansi", "/login"])

    extra: list[Crawl] = []
    for name, secret, pages in planted.logins:  # what the planted employee and supervisor see
        try:
            s = login_web(base, name, secret)
        except (CheckFailed, requests.RequestException) as exc:
            step(f"skipping the crawl as {name}: {exc}")
            continue
        step(f"signed-in crawl as the planted login {name}")
        c = Crawl(base, s, name, max(50, args.max_pages // 6), args.per_pattern, args.workers)
        c.run(must=pages, seeds=["/"])
        extra.append(c)

    crawls = [crawl, public, *extra]
    visited = [v for c in crawls for v in c.visited]
    failures = [f for c in crawls for f in c.failures]
    patterns = {p for c in crawls for p in c.patterns}
    seen = set().union(*(c.markers_seen for c in crawls))
    planted_markers = [m for m, w in PAYLOADS.where.items() if not w.startswith(("q.", "path."))]
    unseen = [f"{PAYLOADS.where[m]}" for m in planted_markers if m not in seen]
    step(f"planted markers shown in some page: {len(planted_markers) - len(unseen)}/{len(planted_markers)}"
         + (f"; never shown: {', '.join(sorted(set(unseen)))}" if unseen else ""))
    queried = [m for m, w in PAYLOADS.where.items() if w.startswith(("q.", "path."))]
    step(f"hostile query/path values echoed back in some page: {sum(m in seen for m in queried)}/{len(queried)}")
    if failures:
        groups = collections.Counter((route_pattern(f.url) if "://" in f.url else f.url, f.what) for f in failures)
        step(f"failures by route pattern ({len(groups)} distinct):")
        for (pattern, what), n in groups.most_common():
            print(f"      {n:4d} x {pattern}: {what}")
    dead = sorted({v.split()[2] for v in visited if v.startswith("404 ") and RUN not in v})
    if dead:
        step(f"note: {len(dead)} linked URL(s) answer 404 (broken links, not counted as XSS failures): "
             + ", ".join(urlsplit(u).path for u in dead[:10]))
    if len(visited) >= args.max_pages:
        step(f"stopped at --max-pages {args.max_pages}")

    if args.artifacts:
        args.artifacts.mkdir(parents=True, exist_ok=True)
        (args.artifacts / "xss-crawl-visited.txt").write_text("\n".join(visited) + "\n", encoding="utf-8")
        (args.artifacts / "xss-crawl-failures.txt").write_text("\n".join(str(f) for f in failures) + "\n", encoding="utf-8")
        step(f"visited URLs written to {args.artifacts / 'xss-crawl-visited.txt'}")

    step(f"took {time.monotonic() - started:.1f}s")
    print(f"xss-crawl: {len(visited)} pages ({len(patterns)} route patterns), {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
