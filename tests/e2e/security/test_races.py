"""Races (security item 7): a state change succeeds once, however many requests arrive together.

As admin through the API: a new batch with one seat, one person enrolled, then six cancels of
that enrolment at the same moment (threads). Exactly one may succeed; the others get 409, and
the batch's seat count must show one seat freed — not several, which would let two newcomers
both take "the" free seat.
"""

from __future__ import annotations

import datetime
import threading
import uuid

import requests

from conftest import api_login, base_url


def _token_headers(api) -> dict:
    return {"Authorization": api.headers["Authorization"]}


def _one_seat_batch(admin) -> dict:
    programmes = admin.call("GET", "/api/v1/programs?per=50")
    assert programmes.status_code == 200, programmes.text[:200]
    items = programmes.json()["items"]
    assert items, "the demo catalogue has programmes"
    start = datetime.date.today() + datetime.timedelta(days=40)
    body = {"name": f"Uji balapan {uuid.uuid4().hex[:6]}", "startDate": start.isoformat(),
            "endDate": (start + datetime.timedelta(days=2)).isoformat(), "capacity": 1, "place": "Aula BKPPD", "online": False}
    for programme in items:
        r = admin.call("POST", f"/api/v1/programs/{programme['id']}/batches", json=body)
        if r.status_code == 201:
            return r.json()
    raise AssertionError("could not schedule a one-seat batch in any programme")


def _enrol_someone(admin, batch: dict) -> dict:
    page = admin.call("GET", "/api/v1/employees?per=100")
    assert page.status_code == 200, page.text[:200]
    for employee in page.json()["items"]:
        if not employee.get("active", True) or employee.get("employmentType") != "PNS":
            continue
        r = admin.call("POST", f"/api/v1/batches/{batch['id']}/enrolments", json={"employeeId": employee["id"]})
        if r.status_code == 201:
            return r.json()
    raise AssertionError("nobody could be enrolled in the new batch")


def _seats_taken(admin, batch: dict) -> int:
    r = admin.call("GET", f"/api/v1/programs/{batch['programId']}/batches")
    assert r.status_code == 200, r.text[:200]
    rows = r.json()
    rows = rows["items"] if isinstance(rows, dict) else rows
    return next(b["seatsTaken"] for b in rows if b["id"] == batch["id"])


def test_six_concurrent_cancels_free_one_seat():
    admin = api_login("admin")
    batch = _one_seat_batch(admin)
    enrolment = _enrol_someone(admin, batch)
    assert enrolment["status"] == "enrolled"
    assert _seats_taken(admin, batch) == 1

    url = base_url() + f"/api/v1/enrolments/{enrolment['id']}/cancel"
    headers = _token_headers(admin)
    barrier = threading.Barrier(6)
    statuses: list[int] = []
    lock = threading.Lock()

    def cancel():
        barrier.wait()
        code = requests.post(url, headers=headers, timeout=60).status_code
        with lock:
            statuses.append(code)

    threads = [threading.Thread(target=cancel) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(statuses) == [200, 409, 409, 409, 409, 409], statuses
    # One seat freed: the batch is empty again, not "minus five".
    assert _seats_taken(admin, batch) == 0
