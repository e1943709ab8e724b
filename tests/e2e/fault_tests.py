#!/usr/bin/env python3
"""Fault tests of a Kompeten cluster: two `kompeten serve` instances on one PostgreSQL, behind nginx.

scripts/test (stage e2e-pg) runs this after the browser tests, schemathesis and the load test:

    .venv-test/bin/python tests/e2e/fault_tests.py \
        --base-url http://127.0.0.1:8092 --user admin --password PASSWORD \
        --instance1-port 8090 --instance1-pidfile /tmp/kompeten-test.X/server-pg.pid \
        --instance2-port 8091 --instance2-pidfile /tmp/kompeten-test.X/server-pg2.pid \
        --app-cmd "env DATABASE_URL=postgres://... KOMPETEN_...=... /path/to/kompeten" --app-cwd REPO \
        --pg-ctl "runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl" \
        --pg-data /tmp/kompeten-test.X/pgdata --pg-log /tmp/kompeten-test.X/pgrun/postgres.log \
        --db-url postgres://kompeten:kompeten@127.0.0.1:54329/kompeten_e2e \
        [--psql /usr/lib/postgresql/15/bin/psql] [--nginx-access-log FILE] [--artifacts DIR] [--only a,b,c]

--app-cmd is the app executable with the instances' environment, as a shell-quoted prefix to
which `serve ...` or `import employees FILE` is appended; it must exec the app itself (`env`
does), so that the pid it starts is the app's. The pid file of instance 2 is rewritten when the
test restarts it, so whoever started the cluster stops the new process by that file.

Scenarios (each prints PASS/FAIL lines; the exit status is 1 when any check failed):

a. kill -9 of instance 2 under write load: threads POST public survey responses through nginx,
   each with its own Idempotency-Key, two threads enrol employees into a new batch around the
   kill, and a reader GETs an API page; after a few seconds instance 2 is killed with SIGKILL.
   A client that gets a connection error or 502/503/504 sends the same request again with the
   same key (enrolments carry a key too; an app that ignores it answers a repeat after a lost
   answer 409 "already enrolled", which also counts as success). The reader must see only 200s
   (nginx passes a failed GET on). Then, by SQL: the service's survey_responses grew by exactly
   the number of keys that got 201, every key is stored once in idempotency_keys (when that
   table exists), and every enrolled employee has exactly one row in the batch. Instance 2 is
   started again and must become ready and serve through nginx again.
b. PostgreSQL restart under read load: clients GET an API endpoint through nginx while
   PostgreSQL is stopped (pg_ctl stop -m fast) for a few seconds and started again. During the
   outage every answer must be 503 (from the app, with Retry-After) or 502/504 (from nginx),
   never 200 and never 500; after the restart answers must be 200 again within 30 s, with the
   same app processes.
c. kill -9 during a large import: `kompeten import employees FILE` of a generated CSV (5,000
   new employees) is killed with SIGKILL while it writes; the number of employees must not have
   changed. A second run must finish and add exactly the rows of the file.

Needs: requests (in .venv-test), psql, and the right to run the pg_ctl command given.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

RETRYABLE_STATUS = {502, 503, 504}
FAILURES: list[str] = []


def log(message: str) -> None:
    print(message, flush=True)


def check(ok: bool, message: str) -> bool:
    if ok:
        log(f"PASS: {message}")
    else:
        log(f"FAIL: {message}")
        FAILURES.append(message)
    return ok


def info(message: str) -> None:
    log(f"    {message}")


# --------------------------------------------------------------------------------------------
# Helpers: HTTP, SQL, processes
# --------------------------------------------------------------------------------------------
class Cluster:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.base = args.base_url.rstrip("/")
        self.app_cmd = shlex.split(args.app_cmd)
        self.pg_ctl = shlex.split(args.pg_ctl)
        self.artifacts = Path(args.artifacts) if args.artifacts else None
        if self.artifacts:
            self.artifacts.mkdir(parents=True, exist_ok=True)
        self._token: str | None = None

    # --- HTTP ---
    def token(self) -> str:
        if self._token is None:
            r = requests.post(self.base + "/api/v1/auth/token", timeout=30,
                              json={"username": self.args.user, "password": self.args.password})
            r.raise_for_status()
            self._token = r.json()["token"]
        return self._token

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}

    def get(self, path: str) -> object:
        r = requests.get(self.base + path, headers=self.auth(), timeout=30)
        r.raise_for_status()
        return r.json()

    def post(self, path: str, body: dict) -> object:
        r = requests.post(self.base + path, headers=self.auth(), json=body, timeout=30)
        if r.status_code >= 300:
            raise RuntimeError(f"POST {path}: {r.status_code} {r.text[:300]}")
        return r.json()

    # --- SQL ---
    def sql(self, query: str) -> list[list[str]]:
        """Runs SQL (given on stdin, so it may be long) and returns the rows as lists of text."""
        done = subprocess.run([self.args.psql, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                               self.args.db_url], input=query, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed ({done.returncode}): {done.stderr.strip()}\n{query[:300]}")
        return [line.split("\t") for line in done.stdout.splitlines() if line != ""]

    def scalar(self, query: str) -> str:
        rows = self.sql(query)
        return rows[0][0] if rows else ""

    # --- PostgreSQL server ---
    def pg(self, *action: str) -> subprocess.CompletedProcess:
        cmd = self.pg_ctl + ["-D", self.args.pg_data] + list(action)
        # pg_ctl start hands the server's output to the log file (-l); no pipe stays open.
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=90)

    # --- app instances ---
    @staticmethod
    def read_pid(pidfile: str) -> int | None:
        try:
            return int(Path(pidfile).read_text().strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def alive(pid: int | None) -> bool:
        if not pid:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        try:  # a zombie (killed child not yet reaped) is not alive
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            return state != "Z"
        except OSError:
            return False

    def ready(self, port: int) -> bool:
        """GET /readyz (200 = ready); an app without /readyz (404) is judged by /healthz."""
        try:
            r = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=3)
            if r.status_code == 404:
                r = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=3)
            return r.status_code == 200
        except requests.RequestException:
            return False

    def wait_ready(self, port: int, pid: int | None, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if pid is not None and not self.alive(pid):
                return False
            if self.ready(port):
                return True
            time.sleep(0.25)
        return False

    def start_instance(self, port: int, pidfile: str, logfile: str) -> subprocess.Popen:
        out = open(logfile, "ab")
        proc = subprocess.Popen(self.app_cmd + ["serve", "--hostname", "127.0.0.1", "--port", str(port)],
                                cwd=self.args.app_cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        out.close()
        Path(pidfile).write_text(f"{proc.pid}\n")
        return proc


def survey_body(rng: random.Random) -> dict:
    return {"answers": {f"U{i}": rng.randint(1, 4) for i in range(1, 10)},
            "respondent": {"sex": rng.choice(["laki", "perempuan"]), "ageBand": "30-39"},
            "channel": "kios"}


def sql_list(values: list[str]) -> str:
    return ",".join("'" + v.replace("'", "''") + "'" for v in values)


# --------------------------------------------------------------------------------------------
# a. kill -9 of instance 2 under write load
# --------------------------------------------------------------------------------------------
def scenario_a(c: Cluster) -> None:
    a = c.args
    log("== a. kill -9 of instance 2 during survey POSTs and enrolments (Idempotency-Key, retries)")
    pid2 = c.read_pid(a.instance2_pidfile)
    if not check(c.alive(pid2), f"instance 2 is running before the test (pid {pid2})"):
        return

    services = c.get("/api/v1/services?page=1&per=50")["items"]
    service = next((s for s in services if s["code"] != "DUKCAPIL-KTP"), services[0])
    service_id = service["id"]
    programme = c.get("/api/v1/programs?page=1&per=1")["items"][0]
    today = dt.date.today()
    batch = c.post(f"/api/v1/programs/{programme['id']}/batches",
                   {"name": f"Uji gangguan {uuid.uuid4().hex[:8]}", "startDate": (today + dt.timedelta(days=30)).isoformat(),
                    "endDate": (today + dt.timedelta(days=32)).isoformat(), "capacity": 10000, "place": "Kupang"})
    batch_id = batch["id"]
    # PNS (no PPPK JP cap), active, not enrolled in another batch of this programme.
    employees = [row[0] for row in c.sql(f"""
        SELECT e.id FROM employees e
        WHERE e.is_active AND e.employment_type = 'PNS'
          AND e.instansi_id = (SELECT instansi_id FROM batches WHERE id = '{batch_id}')
          AND NOT EXISTS (SELECT 1 FROM enrolments x WHERE x.employee_id = e.id AND x.program_id = '{programme['id']}'
                          AND x.status IN ('enrolled', 'waitlisted'))
        ORDER BY e.nip LIMIT {a.enrolments}""")]
    before = int(c.scalar(f"SELECT count(*) FROM survey_responses WHERE service_id = '{service_id}'"))
    info(f"service {service['code']} ({before} responses), new batch {batch_id} of {programme['code']}, "
         f"{len(employees)} employees to enrol, {a.threads} survey threads for {a.load_seconds:.0f} s, "
         f"kill -9 of instance 2 (pid {pid2}) after {a.kill_after:.0f} s")

    stop = threading.Event()
    lock = threading.Lock()
    created_keys: list[str] = []        # keys answered 201
    failed_keys: list[tuple[str, str]] = []
    retried = {"keys": 0, "attempts": 0}
    retry_reasons: dict[str, int] = {}
    survey_url = f"{c.base}/api/v1/public/services/{service_id}/survey"
    # The kiosk channel needs a registered kiosk's key (a claimed "kios" is refused with 401).
    kiosk_key = c.post("/api/v1/kiosks", {"unitId": service["unitId"], "name": f"Kios uji gangguan {uuid.uuid4().hex[:6]}"})["key"]

    def send_with_retries(session: requests.Session, method: str, url: str, *, json_body: dict,
                          headers: dict[str, str]) -> tuple[int | str, int]:
        """Sends, and on a connection error or 502/503/504 sends the same again (same headers,
        so the same Idempotency-Key). Returns (final status or error text, attempts)."""
        outcome: int | str = "not sent"
        for attempt in range(1, a.max_attempts + 1):
            try:
                r = session.request(method, url, json=json_body, headers=headers, timeout=(3, 15))
                outcome = r.status_code
                if r.status_code not in RETRYABLE_STATUS:
                    return outcome, attempt
                reason = str(r.status_code)
            except requests.RequestException as e:
                outcome = f"{type(e).__name__}"
                reason = type(e).__name__
            with lock:
                retry_reasons[reason] = retry_reasons.get(reason, 0) + 1
            time.sleep(min(1.0, 0.1 * 2 ** (attempt - 1)))
        return outcome, a.max_attempts

    def survey_worker(n: int) -> None:
        rng = random.Random(n)
        session = requests.Session()
        # A distinct client address per thread (nginx is a trusted proxy), in case the survey
        # rate limit is on; nginx appends the real peer after it.
        forwarded = f"198.51.100.{10 + n}"
        while not stop.is_set():
            key = str(uuid.uuid4())
            status, attempts = send_with_retries(session, "POST", survey_url, json_body=survey_body(rng),
                                                 headers={"Idempotency-Key": key, "X-Forwarded-For": forwarded,
                                                          "X-Kiosk-Key": kiosk_key})
            with lock:
                if attempts > 1:
                    retried["keys"] += 1
                    retried["attempts"] += attempts - 1
                if status == 201:
                    created_keys.append(key)
                else:
                    failed_keys.append((key, str(status)))

    enrolled: list[str] = []
    enrol_failures: list[str] = []
    enrol_retried: list[str] = []       # final status of each enrolment that needed a retry

    queue = list(employees)

    def enrol_worker() -> None:
        # Back to back from shortly before the kill to shortly after it, so that enrolments are in
        # flight on instance 2 when it dies.
        session = requests.Session()
        time.sleep(max(0.0, a.kill_after - 0.5))
        while not stop.is_set() and time.monotonic() - started < a.kill_after + 1.5:
            with lock:
                if not queue:
                    return
                employee = queue.pop(0)
            # With its own Idempotency-Key a repeat gets the first answer (201); an app without
            # keys answers the repeat 409 "already enrolled". Both mean enrolled once.
            status, attempts = send_with_retries(session, "POST", f"{c.base}/api/v1/batches/{batch_id}/enrolments",
                                                 json_body={"employeeId": employee},
                                                 headers={**c.auth(), "Idempotency-Key": str(uuid.uuid4())})
            with lock:
                if attempts > 1:
                    enrol_retried.append(f"{status}")
                if status == 201 or (status == 409 and attempts > 1):
                    enrolled.append(employee)
                else:
                    enrol_failures.append(f"{employee}: {status} after {attempts} attempt(s)")

    reads: dict[str, int] = {}
    gap_path = f"/api/v1/employees/{employees[0] if employees else ''}/gap"

    def read_worker() -> None:
        # GETs are idempotent: nginx passes one that failed on the killed instance to the other,
        # so a reader must never see anything but 200.
        session = requests.Session()
        while not stop.is_set():
            try:
                outcome = str(session.get(c.base + gap_path, headers=c.auth(), timeout=(3, 15)).status_code)
            except requests.RequestException as e:
                outcome = type(e).__name__
            with lock:
                reads[outcome] = reads.get(outcome, 0) + 1
            time.sleep(0.01)

    threads = [threading.Thread(target=survey_worker, args=(n,), daemon=True) for n in range(a.threads)]
    threads += [threading.Thread(target=enrol_worker, daemon=True) for _ in range(2)]
    threads.append(threading.Thread(target=read_worker, daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(a.kill_after)
    os.kill(pid2, signal.SIGKILL)
    killed_at = time.monotonic() - started
    time.sleep(0.3)
    check(not c.alive(pid2), f"instance 2 (pid {pid2}) killed with SIGKILL after {killed_at:.1f} s of load")
    time.sleep(max(0.0, a.load_seconds - (time.monotonic() - started)))
    stop.set()
    for t in threads:
        t.join(timeout=60)
    check(not any(t.is_alive() for t in threads), "every client thread finished")

    total = len(created_keys) + len(failed_keys)
    info(f"{total} survey keys sent, {len(created_keys)} answered 201, {retried['keys']} keys needed a retry "
         f"({retried['attempts']} retries); answers that caused a retry, surveys and enrolments: {retry_reasons or 'none'}")
    check(total > 0 and len(created_keys) > 0, "survey responses were accepted under load")
    check(not failed_keys, f"every survey key ended in 201 (others: {failed_keys[:5]}{' …' if len(failed_keys) > 5 else ''})")
    check(len(set(created_keys)) == len(created_keys), "no key was answered 201 twice by the client's own count")
    info(f"{len(enrolled)} employees enrolled around the kill, {len(enrol_retried)} after a retry "
         f"(final answers {enrol_retried or 'none'}; 409 = the lost first attempt had enrolled them)")
    check(len(enrolled) > 0, "enrolments were accepted under load")
    check(set(reads) == {"200"}, f"every GET through nginx during the kill was 200 (idempotent: passed on): {reads}")
    check(not enrol_failures, f"every enrolment ended in 201 (or 409 after a retry): {enrol_failures[:5]}")

    after = int(c.scalar(f"SELECT count(*) FROM survey_responses WHERE service_id = '{service_id}'"))
    check(after - before == len(set(created_keys)),
          f"survey_responses of the service grew by exactly the keys answered 201: {after - before} rows for "
          f"{len(set(created_keys))} keys ({before} -> {after})")
    if c.scalar("SELECT to_regclass('public.idempotency_keys') IS NOT NULL") == "t":
        keys = sorted(set(created_keys))
        rows = c.sql(f"SELECT key, count(*) FROM idempotency_keys WHERE key IN ({sql_list(keys)}) GROUP BY key") if keys else []
        counts = {k: int(n) for k, n in rows}
        if not counts:
            info("WARN: idempotency_keys holds none of the keys as sent (stored in another form?); "
                 "the survey_responses count above is the check")
        else:
            missing = [k for k in keys if k not in counts]
            twice = [k for k, n in counts.items() if n != 1]
            check(not missing and not twice,
                  f"every key answered 201 is in idempotency_keys exactly once ({len(missing)} missing, {len(twice)} not once)")
    else:
        info("idempotency_keys does not exist (yet): counted the survey_responses rows instead")
    if enrolled:
        rows = c.sql(f"SELECT employee_id, count(*) FROM enrolments WHERE batch_id = '{batch_id}' GROUP BY employee_id")
        counts = {e.lower(): int(n) for e, n in rows}
        wrong = [e for e in enrolled if counts.get(e.lower()) != 1]
        extra = [e for e in counts if e not in {x.lower() for x in enrolled}]
        check(not wrong and not extra,
              f"each of the {len(enrolled)} enrolled employees has exactly one row in the batch "
              f"({len(wrong)} wrong, {len(extra)} unexpected)")

    # Instance 2 again: started, ready, and served through nginx.
    restart_log = a.instance2_log or str((c.artifacts or Path("/tmp")) / "instance2-restarted.log")
    t0 = time.monotonic()
    proc = c.start_instance(a.instance2_port, a.instance2_pidfile, restart_log)
    ok = c.wait_ready(a.instance2_port, proc.pid, a.restart_timeout)
    check(ok, f"instance 2 restarted (pid {proc.pid}) and ready after {time.monotonic() - t0:.1f} s (log {restart_log})")
    if ok and a.nginx_access_log:
        check(served_by(c, a.instance2_port, 20.0), f"nginx passes requests to the restarted instance 2 (port {a.instance2_port}) again")


def served_by(c: Cluster, port: int, seconds: float) -> bool:
    """Sends tagged GET /healthz through nginx until its access log shows one answered by PORT.
    The tag is in the User-Agent: the access log leaves query strings out (they can hold tokens)."""
    tag = uuid.uuid4().hex
    deadline = time.monotonic() + seconds
    session = requests.Session()
    while time.monotonic() < deadline:
        for _ in range(4):
            try:
                session.get(f"{c.base}/healthz", headers={"User-Agent": f"fault-probe-{tag}"}, timeout=5)
            except requests.RequestException:
                pass
        try:
            text = Path(c.args.nginx_access_log).read_text(errors="replace")
        except OSError:
            return False
        if any(tag in line and f"upstream=127.0.0.1:{port}" in line for line in text.splitlines()):
            return True
        time.sleep(0.5)
    return False


# --------------------------------------------------------------------------------------------
# b. PostgreSQL restart under read load
# --------------------------------------------------------------------------------------------
def scenario_b(c: Cluster) -> None:
    a = c.args
    log("== b. PostgreSQL stopped and started again under read load (503 + Retry-After, then 200)")
    pids = {p: c.read_pid(f) for p, f in ((a.instance1_port, a.instance1_pidfile), (a.instance2_port, a.instance2_pidfile))}
    employee = c.get("/api/v1/employees?page=1&per=1")["items"][0]["id"]
    path = f"/api/v1/employees/{employee}/gap"
    headers = c.auth()
    results: list[tuple[float, float, object, bool]] = []   # (start, end, status or error, has Retry-After)
    lock = threading.Lock()
    stop = threading.Event()

    def reader() -> None:
        session = requests.Session()
        while not stop.is_set():
            t0 = time.monotonic()
            try:
                # 30 s: longer than the app's wait for a pooled connection, shorter than nginx's
                # proxy_read_timeout (60 s); a request left without an answer this long fails.
                r = session.get(c.base + path, headers=headers, timeout=(3, 30))
                outcome: object = r.status_code
                retry_after = "Retry-After" in r.headers
            except requests.RequestException as e:
                outcome, retry_after = type(e).__name__, False
            with lock:
                results.append((t0, time.monotonic(), outcome, retry_after))
            time.sleep(0.02)

    threads = [threading.Thread(target=reader, daemon=True) for _ in range(a.readers)]
    for t in threads:
        t.start()
    time.sleep(2.0)
    t_stop0 = time.monotonic()
    stopped = c.pg("-m", "fast", "-w", "-t", "60", "stop")
    t_stop1 = time.monotonic()
    if not check(stopped.returncode == 0, f"pg_ctl stop -m fast ({t_stop1 - t_stop0:.1f} s) {stopped.stdout.strip()[-200:]}"):
        stop.set()
        return
    time.sleep(a.outage_seconds)
    t_start0 = time.monotonic()
    started = c.pg("-l", a.pg_log, "-w", "-t", "60", "start")
    t_start1 = time.monotonic()
    check(started.returncode == 0, f"pg_ctl start ({t_start1 - t_start0:.1f} s)")

    # Recovered: the last answer other than 200 ended within recovery_seconds of the start, and
    # only 200s followed for stable_seconds (longer than nginx's fail_timeout, so that an instance
    # nginx still counts as failed from the outage would show).
    recovered_at = None
    while time.monotonic() < t_start1 + a.recovery_seconds + a.stable_seconds:
        time.sleep(0.5)
        now = time.monotonic()
        with lock:
            last_bad = max((r[1] for r in results if r[1] > t_stop0 and r[2] != 200), default=t_stop0)
            good_after = any(r[0] > last_bad and r[2] == 200 for r in results)
        if last_bad <= t_start1 + a.recovery_seconds and good_after and now - max(last_bad, t_start1) >= a.stable_seconds:
            recovered_at = max(last_bad, t_start1)
            break
    stop.set()
    for t in threads:
        t.join(timeout=30)

    def tally(rows: list) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in rows:
            out[str(r[2])] = out.get(str(r[2]), 0) + 1
        return out

    if c.artifacts:   # every request: start and end (seconds from the stop), answer
        with open(c.artifacts / "fault-b-requests.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["start_s", "end_s", "status", "retry_after"])
            for r in sorted(results):
                w.writerow([f"{r[0] - t_stop0:.3f}", f"{r[1] - t_stop0:.3f}", r[2], int(r[3])])
        info(f"timeline in {c.artifacts / 'fault-b-requests.csv'} (stop at 0, outage until {t_start0 - t_stop0:.1f} s, "
             f"started at {t_start1 - t_stop0:.1f} s)")
    baseline = [r for r in results if r[1] <= t_stop0]
    outage = [r for r in results if r[0] >= t_stop1 and r[1] <= t_start0]   # wholly inside the outage
    settled = [r for r in results if recovered_at is not None and r[0] > recovered_at]
    around = [r for r in results if not (r[1] <= t_stop0 or (r[0] >= t_stop1 and r[1] <= t_start0)
                                         or (recovered_at is not None and r[0] > recovered_at))]
    info(f"before the stop: {tally(baseline)}; outage ({t_start0 - t_stop1:.1f} s): {tally(outage)}; "
         f"around the stop, the start and until recovery: {tally(around)}; recovered: {tally(settled)}")
    slow = max((r[1] - r[0] for r in results if r[0] > t_stop0), default=0.0)
    info(f"slowest answer from the stop on: {slow:.1f} s")
    check(all(isinstance(r[2], int) for r in results),
          f"every request got an HTTP answer (no connection error, none left without an answer for 30 s): "
          f"{ {k: n for k, n in tally(results).items() if not k.isdigit()} or 'none' }")
    check(bool(baseline) and all(r[2] == 200 for r in baseline), "every answer before the stop was 200")
    check(bool(outage), "requests were answered during the outage")
    check(all(r[2] in (502, 503, 504) for r in outage),
          "during the outage every answer was 503 (app) or 502/504 (nginx): never 200, never 500")
    check(all(r[2] in (200, 502, 503, 504) for r in around if isinstance(r[2], int)),
          "no 500 around the stop and the start")
    app_503 = [r for r in outage + around if r[2] == 503]
    if app_503:
        check(all(r[3] for r in app_503), f"every 503 carries Retry-After ({sum(1 for r in app_503 if r[3])}/{len(app_503)})")
    check(recovered_at is not None,
          f"answers are 200 again within {a.recovery_seconds:.0f} s of the restart and stay 200 for {a.stable_seconds:.0f} s"
          + (f" (200 from {recovered_at - t_start1:.1f} s after the start)" if recovered_at is not None else ""))
    check(all(r[2] == 200 for r in settled), f"only 200 once recovered ({tally(settled)})")
    same = {p: c.read_pid(f) for p, f in ((a.instance1_port, a.instance1_pidfile), (a.instance2_port, a.instance2_pidfile))}
    check(same == pids and all(c.alive(p) for p in same.values()),
          f"both instances kept running without a restart (pids {pids})")


# --------------------------------------------------------------------------------------------
# c. kill -9 during a large import
# --------------------------------------------------------------------------------------------
def scenario_c(c: Cluster) -> None:
    a = c.args
    log(f"== c. kill -9 of `kompeten import employees` ({a.import_rows} rows) while it writes")
    unit = c.scalar("""SELECT u.code FROM units u JOIN instansi i ON i.id = u.instansi_id
                       WHERE i.code = 'kota-kupang' ORDER BY (u.code = 'DUKCAPIL') DESC, u.code LIMIT 1""")
    # New NIPs: born 1960-01-01 + i days, appointed 1999-12 (a TMT the NIP rules accept: past, aged 26+), a sequence number
    # not used yet with that appointment, so the file adds exactly its rows.
    used = {int(r[0]) for r in c.sql("SELECT DISTINCT right(nip, 3) FROM employees WHERE substr(nip, 9, 6) = '199912'")}
    sequence = next(n for n in range(1, 1000) if n not in used)
    directory = c.artifacts or Path("/tmp")
    csv_path = directory / "fault-import-employees.csv"
    first_birth = dt.date(1960, 1, 1)
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["NIP", "Nama", "Jenis Kepegawaian", "Golongan", "Kode Unit", "Kode Jabatan", "NIP Atasan"])
        for i in range(a.import_rows):
            birth = first_birth + dt.timedelta(days=i)
            nip = f"{birth:%Y%m%d}199912" + "1" + f"{sequence:03d}"
            w.writerow([nip, f"Pegawai Uji Impor {i + 1:05d}", "PNS", "III/a", unit, "", ""])
    before = int(c.scalar("SELECT count(*) FROM employees"))
    info(f"{csv_path} ({a.import_rows} rows, unit {unit}); {before} employees before")

    log_path = directory / "fault-import-killed.log"
    out = open(log_path, "wb")
    t0 = time.monotonic()
    proc = subprocess.Popen(c.app_cmd + ["import", "employees", str(csv_path)], cwd=a.app_cwd,
                            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    out.close()
    phase = "no progress line yet"
    while time.monotonic() - t0 < a.import_kill_deadline and proc.poll() is None:
        text = log_path.read_text(errors="replace")
        if "Pegawai baru:" in text:      # inside the write transaction, after the first 500 rows
            phase = "writing (after the first batch of new employees)"
            break
        if "Menyimpan" in text:
            phase = "writing (all rows valid)"
        time.sleep(0.05)
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    rc = proc.wait(timeout=30)
    elapsed = time.monotonic() - t0
    text = log_path.read_text(errors="replace")
    if not check(running and rc == -signal.SIGKILL and "Selesai" not in text,
                 f"the import was killed with SIGKILL while running, after {elapsed:.1f} s, phase: {phase}"):
        info(f"exit status {rc}; last lines: {text.strip().splitlines()[-3:]}")
        return
    time.sleep(0.5)   # the server notices the closed connection and rolls back
    after_kill = int(c.scalar("SELECT count(*) FROM employees"))
    check(after_kill == before, f"no employee was added by the killed import ({before} -> {after_kill})")
    stored = int(c.scalar(f"SELECT count(*) FROM employees WHERE substr(nip, 9, 6) = '199912' AND right(nip, 3) = '{sequence:03d}'"))
    check(stored == 0, f"none of the file's NIPs is stored ({stored})")

    log_path2 = directory / "fault-import-complete.log"
    t1 = time.monotonic()
    with open(log_path2, "wb") as out2:
        done = subprocess.run(c.app_cmd + ["import", "employees", str(csv_path)], cwd=a.app_cwd,
                              stdin=subprocess.DEVNULL, stdout=out2, stderr=subprocess.STDOUT, timeout=a.import_timeout)
    text2 = log_path2.read_text(errors="replace")
    check(done.returncode == 0, f"the import run again finished in {time.monotonic() - t1:.1f} s (exit {done.returncode})")
    if done.returncode != 0:
        info(f"last lines: {text2.strip().splitlines()[-5:]}")
    after = int(c.scalar("SELECT count(*) FROM employees"))
    check(after - before == a.import_rows, f"the employees grew by exactly the file's rows: {after - before} of {a.import_rows}")


# --------------------------------------------------------------------------------------------
def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base-url", required=True, help="nginx in front of the instances")
    p.add_argument("--user", default="admin")
    p.add_argument("--password", default=os.environ.get("KOMPETEN_E2E_PASSWORD"))
    p.add_argument("--instance1-port", type=int, required=True)
    p.add_argument("--instance1-pidfile", required=True)
    p.add_argument("--instance2-port", type=int, required=True)
    p.add_argument("--instance2-pidfile", required=True)
    p.add_argument("--instance2-log", help="log of instance 2 once restarted")
    p.add_argument("--app-cmd", required=True, help="shell-quoted prefix that execs the app with the instances' env")
    p.add_argument("--app-cwd", default=os.getcwd(), help="working directory of the app (the repository)")
    p.add_argument("--pg-ctl", required=True, help="shell-quoted pg_ctl command, e.g. 'runuser -u postgres -- .../pg_ctl'")
    p.add_argument("--pg-data", required=True)
    p.add_argument("--pg-log", required=True, help="server log file for pg_ctl start -l")
    p.add_argument("--db-url", required=True, help="postgres://user:pass@127.0.0.1:PORT/db for psql")
    p.add_argument("--psql", default="psql")
    p.add_argument("--nginx-access-log", help="nginx's access log (with upstream=ADDR) to see which instance answered")
    p.add_argument("--artifacts", help="directory for generated files and logs")
    p.add_argument("--only", default="a,b,c", help="scenarios to run, e.g. a,c")
    p.add_argument("--threads", type=int, default=8, help="a: survey client threads")
    p.add_argument("--load-seconds", type=float, default=10.0, help="a: seconds of load")
    p.add_argument("--kill-after", type=float, default=3.0, help="a: seconds before kill -9")
    p.add_argument("--enrolments", type=int, default=200, help="a: employees available to enrol (2 threads, back to back, around the kill)")
    p.add_argument("--max-attempts", type=int, default=8, help="a: attempts per request")
    p.add_argument("--restart-timeout", type=float, default=120.0, help="a: seconds for instance 2 to become ready")
    p.add_argument("--readers", type=int, default=4, help="b: client threads")
    p.add_argument("--outage-seconds", type=float, default=5.0, help="b: seconds PostgreSQL stays stopped")
    p.add_argument("--recovery-seconds", type=float, default=30.0, help="b: seconds allowed to answer 200 again")
    p.add_argument("--stable-seconds", type=float, default=8.0, help="b: seconds of only 200s that count as recovered")
    p.add_argument("--import-rows", type=int, default=5000, help="c: rows of the generated CSV")
    p.add_argument("--import-kill-deadline", type=float, default=30.0,
                   help="c: kill at the first write-progress line, at the latest after this many seconds")
    p.add_argument("--import-timeout", type=float, default=180.0, help="c: seconds for the full import")
    args = p.parse_args()
    if not args.password:
        p.error("--password (or KOMPETEN_E2E_PASSWORD) is required")

    c = Cluster(args)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    started = time.monotonic()
    for name, fn in (("a", scenario_a), ("b", scenario_b), ("c", scenario_c)):
        if name not in only:
            continue
        t0 = time.monotonic()
        try:
            fn(c)
        except Exception as e:  # a broken scenario is a failure, and the next one still runs
            check(False, f"scenario {name} raised {type(e).__name__}: {e}")
        log(f"   scenario {name}: {time.monotonic() - t0:.1f} s")
    log(f"fault tests: {len(FAILURES)} failed check(s) in {time.monotonic() - started:.1f} s")
    for f in FAILURES:
        log(f"  - {f}")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
