"""Backups from outside: `kompeten backup` against the live database the probes attack.

A backup holds every employee's personal data: it must be readable by its owner only (0600,
whatever the umask), carry no live sign-in (sessions, API tokens), and `kompeten restore` must
refuse while a server still uses the database. Needs KOMPETEN_PROBE_DB_URL (sqlite:PATH) and
KOMPETEN_PROBE_APP_BIN, which scripts/test sets; skipped otherwise.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from conftest import api_login, base_url, web_login

DB_URL = os.environ.get("KOMPETEN_PROBE_DB_URL", "")
APP_BIN = os.environ.get("KOMPETEN_PROBE_APP_BIN", "")
ROOT = Path(__file__).resolve().parents[3]
SECRET_TABLES = ["web_sessions", "_fluent_sessions", "user_tokens", "login_failures", "login_attempts"]

pytestmark = pytest.mark.skipif(not (DB_URL.startswith("sqlite:") and APP_BIN),
                                reason="needs KOMPETEN_PROBE_DB_URL=sqlite:… and KOMPETEN_PROBE_APP_BIN")


def run_app(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATABASE_URL=DB_URL, LOG_LEVEL="warning")
    return subprocess.run([APP_BIN, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_backup_is_owner_only_and_holds_no_sign_ins():
    # A live web session and an API token exist while the backup is taken.
    web_login("operator.dukcapil")
    api_login("asesor")
    folder = Path(os.environ.get("KOMPETEN_PROBE_TMP") or tempfile.gettempdir())
    target = folder / f"probe-backup-{os.getpid()}.sqlite"
    old_umask = os.umask(0o022)   # what a careless operator's shell has
    try:
        done = run_app("backup", str(target))
    finally:
        os.umask(old_umask)
    assert done.returncode == 0, done.stdout + done.stderr
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        assert mode == 0o600, f"backup mode {oct(mode)}"
        db = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        checked = [t for t in SECRET_TABLES if t in present]
        assert "user_tokens" in checked, present
        for table in checked:
            (n,) = db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()   # noqa: S608 (fixed names)
            assert n == 0, f"{table}: {n} rows in the backup"
        (employees,) = db.execute("SELECT COUNT(*) FROM employees").fetchone()
        assert employees > 1000, "the backup holds the data itself"
        db.close()
    finally:
        target.unlink(missing_ok=True)


def test_restore_refuses_under_a_live_server():
    folder = Path(os.environ.get("KOMPETEN_PROBE_TMP") or tempfile.gettempdir())
    target = folder / f"probe-restore-{os.getpid()}.sqlite"
    assert run_app("backup", str(target)).returncode == 0
    try:
        done = run_app("restore", str(target))
        assert done.returncode != 0, "restore ran while the server was serving the database"
        assert "masih berjalan" in (done.stdout + done.stderr)
        # The server still answers from its own database.
        assert requests.get(base_url() + "/readyz", timeout=30).status_code == 200
    finally:
        target.unlink(missing_ok=True)
