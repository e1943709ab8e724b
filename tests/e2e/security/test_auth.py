"""Authentication and sessions, probed from outside (h1: redirect after login, sessions, throttle).

- hostile `next` values never give an off-site Location or an injected header;
- a web session is dead once an admin resets that user's password;
- a login for an unknown username takes as long as one for a known username;
- anonymous visits to /login store no server-side session (the `kompeten_web_sessions` gauge);
- one's own password change through the API; a temporary password blocks the API until changed.

Throwaway users are made through the admin API (the demo users other probes rely on are left
alone) and deactivated afterwards. Deliberately failed logins: 8 for the timing probe, 1 more
for the password change — the throttle allows 30 per address in 15 minutes.
"""

from __future__ import annotations

import statistics
import time
import uuid
from urllib.parse import urlsplit

import pytest
import requests

from conftest import API, Web, api_login, base_url, password_for, web_login

HOSTILE_NEXT = [
    "/\t/evil.example",
    "\t//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "//evil.example",
    "https://evil.example/",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%09/evil.example",
    "/%0D%0ASet-Cookie:%20x=1",
    "/\r\nSet-Cookie: x=1",
    "/\nSet-Cookie: x=1",
    "/" + "a" * 500,
]


def _throwaway_user(admin: API, *, temporary: bool = False, password: str = "Probe-Awal-2026x") -> tuple[str, str, str]:
    units = admin.call("GET", "/api/v1/units").json()
    items = units["items"] if isinstance(units, dict) else units
    unit_id = next(u["id"] for u in items if not u.get("parentId"))
    username = "probe.h1." + uuid.uuid4().hex[:8]
    body = {"username": username, "password": password, "role": "operator", "unitId": unit_id}
    if temporary:
        body["temporary"] = True
    r = admin.call("POST", "/api/v1/users", json=body)
    assert r.status_code == 201, r.text[:300]
    return r.json()["id"], username, password


def _deactivate(admin: API, user_id: str) -> None:
    admin.call("PUT", f"/api/v1/users/{user_id}", json={"active": False})


@pytest.mark.parametrize("nxt", HOSTILE_NEXT, ids=lambda v: repr(v)[:40])
def test_hostile_next_never_leaves_the_site(nxt: str) -> None:
    w = Web(base_url())
    w.page("/login")
    r = w.form("/login", {"username": "admin", "password": password_for("admin"), "next": nxt})
    # Signed in and sent home, or refused as unreadable text: never anywhere else.
    assert r.status_code in (302, 303, 422), r.status_code
    location = r.headers.get("Location")
    if location is not None:
        assert location == "/", location
        parts = urlsplit(location)
        assert not parts.netloc and not parts.scheme
    assert "x" not in {k.lower() for k in r.headers}
    assert not any(c.name == "x" for c in w.cookies)
    assert "x=1" not in r.headers.get("Set-Cookie", "")


def test_the_login_page_follows_a_path_of_this_app() -> None:
    w = Web(base_url())
    w.page("/login?next=/employees")
    r = w.form("/login", {"username": "admin", "password": password_for("admin"), "next": "/employees"})
    assert r.status_code in (302, 303) and r.headers.get("Location") == "/employees"


def test_a_session_dies_when_an_admin_resets_the_password(admin_api: API) -> None:
    user_id, username, password = _throwaway_user(admin_api)
    try:
        w = web_login(username, password)
        assert w.page("/").status_code == 200
        r = admin_api.call("POST", f"/api/v1/users/{user_id}/password", json={"password": "Probe-Reset-2026y"})
        assert r.status_code == 204, r.text[:300]
        after = w.page("/")
        assert after.status_code in (302, 303) and after.headers["Location"].startswith("/login")
    finally:
        _deactivate(admin_api, user_id)


def _timed_failure(username: str) -> float:
    start = time.perf_counter()
    r = requests.post(base_url() + "/api/v1/auth/token",
                      json={"username": username, "password": "Salah-Sekali-2026"}, timeout=60)
    elapsed = time.perf_counter() - start
    assert r.status_code == 401, (username, r.status_code)
    return elapsed


def test_unknown_usernames_take_as_long_as_known_ones() -> None:
    # One failure per known user (no per-user lock comes near), four unknown names.
    known = [_timed_failure(u) for u in ["operator.dukcapil", "operator.bkppd", "atasan.dukcapil", "asesor"]]
    unknown = [_timed_failure("tidak.ada." + uuid.uuid4().hex[:6]) for _ in range(4)]
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 <= ratio <= 2, f"known {known}, unknown {unknown}"


def _sessions_gauge() -> float | None:
    r = requests.get(base_url() + "/metrics", timeout=30)
    if r.status_code != 200:
        return None
    for line in r.text.splitlines():
        if line.startswith("kompeten_web_sessions "):
            return float(line.split()[1])
    return None


def test_anonymous_login_pages_store_no_sessions() -> None:
    before = _sessions_gauge()
    if before is None:
        pytest.skip("/metrics (kompeten_web_sessions) is not reachable from here; AppTests SessionLifecycleTests covers it")
    for i in range(300):
        cookies = {"kompeten_session": f"kedaluwarsa-{i}"} if i % 3 == 0 else None
        assert requests.get(base_url() + "/login", cookies=cookies, timeout=30).status_code == 200
    after = _sessions_gauge()
    # Other probes may sign in meanwhile; 300 visits must not show.
    assert after is not None and after - before <= 3, (before, after)


def test_own_password_change_through_the_api(admin_api: API) -> None:
    user_id, username, password = _throwaway_user(admin_api)
    try:
        api = api_login(username, password)
        other = api_login(username, password)
        wrong = api.call("POST", "/api/v1/me/password", json={"currentPassword": "bukan-sandinya-1", "newPassword": "Probe-Baru-2026z"})
        assert wrong.status_code == 422 and [f["field"] for f in wrong.json()["fields"]] == ["currentPassword"]
        weak = api.call("POST", "/api/v1/me/password", json={"currentPassword": password, "newPassword": "pendek"})
        assert weak.status_code == 422 and [f["field"] for f in weak.json()["fields"]] == ["newPassword"]
        ok = api.call("POST", "/api/v1/me/password", json={"currentPassword": password, "newPassword": "Probe-Baru-2026z"})
        assert ok.status_code == 204, ok.text[:300]
        assert api.call("GET", "/api/v1/units").status_code == 200       # the caller's token stays
        assert other.call("GET", "/api/v1/units").status_code == 401     # the user's other tokens end
        old = requests.post(base_url() + "/api/v1/auth/token", json={"username": username, "password": password}, timeout=60)
        assert old.status_code == 401
        api_login(username, "Probe-Baru-2026z")
    finally:
        _deactivate(admin_api, user_id)


def test_a_temporary_password_blocks_the_api_until_changed(admin_api: API) -> None:
    user_id, username, password = _throwaway_user(admin_api, temporary=True)
    try:
        api = api_login(username, password)
        blocked = api.call("GET", "/api/v1/units")
        assert blocked.status_code == 403 and "/api/v1/me/password" in blocked.json()["reason"]
        ok = api.call("POST", "/api/v1/me/password", json={"currentPassword": password, "newPassword": "Probe-Sendiri-2026"})
        assert ok.status_code == 204
        assert api.call("GET", "/api/v1/units").status_code == 200
    finally:
        _deactivate(admin_api, user_id)
