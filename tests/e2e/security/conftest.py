"""Shared fixtures for the security probes (scripts/test stage "security").

The probes attack a running Kompeten from outside, as a browser or an integration would:
plain HTTP through `requests`, never the app's own code. Run against a throwaway server
with the demo data:

    KOMPETEN_PROBE_URL=http://127.0.0.1:8089 KOMPETEN_PROBE_ADMIN_PASSWORD=... \\
        .venv-test/bin/python -m pytest -q tests/e2e/security

Demo accounts (README) share DEMO_PASSWORD; `admin` has the password the test command sets.
Probes that need the server's files (the backup's mode) read KOMPETEN_PROBE_DB_URL and
KOMPETEN_PROBE_APP_BIN; they skip when those are absent.
"""

from __future__ import annotations

import os
import re

import pytest
import requests

DEMO_PASSWORD = "Demo-Kupang-2026"
CSRF_FIELD = re.compile(r'name="_csrf" value="([^"]+)"')


def base_url() -> str:
    return os.environ.get("KOMPETEN_PROBE_URL", "http://127.0.0.1:8089").rstrip("/")


def password_for(username: str) -> str:
    if username == "admin":
        return os.environ.get("KOMPETEN_PROBE_ADMIN_PASSWORD", "admin-e2e-Kupang1")
    return DEMO_PASSWORD


class Web(requests.Session):
    """A browser stand-in: keeps cookies and the last CSRF token seen in a page."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base
        self.csrf: str | None = None

    def page(self, path: str, **kw) -> requests.Response:
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 60)
        r = self.get(self.base + path, **kw)
        m = CSRF_FIELD.search(r.text or "")
        if m:
            self.csrf = m.group(1)
        return r

    def form(self, path: str, data: dict | list | None = None, **kw) -> requests.Response:
        """POSTs a form with the CSRF token of the last page seen."""
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 60)
        fields = list((data or {}).items()) if isinstance(data, dict) else list(data or [])
        if self.csrf and not any(k == "_csrf" for k, _ in fields):
            fields.append(("_csrf", self.csrf))
        return self.post(self.base + path, data=fields, **kw)


class API(requests.Session):
    """The JSON API with a bearer token."""

    def __init__(self, base: str, token: str | None):
        super().__init__()
        self.base = base
        if token:
            self.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, **kw) -> requests.Response:
        kw.setdefault("timeout", 60)
        return self.request(method, self.base + path, **kw)


def web_login(username: str, password: str | None = None) -> Web:
    w = Web(base_url())
    w.page("/login")
    r = w.form("/login", {"username": username, "password": password or password_for(username)})
    assert r.status_code in (302, 303), f"web login {username}: {r.status_code} {r.text[:200]}"
    w.page(r.headers.get("Location", "/"))
    if not w.csrf:
        w.page("/")
    return w


def api_login(username: str, password: str | None = None) -> API:
    r = requests.post(base_url() + "/api/v1/auth/token",
                      json={"username": username, "password": password or password_for(username)}, timeout=60)
    assert r.status_code == 200, f"API login {username}: {r.status_code} {r.text[:200]}"
    return API(base_url(), r.json()["token"])


@pytest.fixture(scope="session")
def base() -> str:
    return base_url()


@pytest.fixture(scope="session")
def admin_api() -> API:
    return api_login("admin")


@pytest.fixture()
def anonymous() -> Web:
    return Web(base_url())
