"""Security item 9: the public IKM cannot be bent by the unit it grades.

As `operator.dukcapil` through the API: an unflagged response cannot be rejected (403); a paper
form dated three years back or tomorrow is a 422 naming `date`; one sender sending several
answers within minutes (answers varied) gets the later ones flagged — and still counted; a kiosk
registered by BKPPD lets one address send a burst without flags, until it is revoked.
Each test uses its own User-Agent, so its sender hash is its own.
"""

from __future__ import annotations

import datetime as dt
import uuid

import requests

from conftest import api_login, base_url


def answers(values):
    return {f"U{i + 1}": v for i, v in enumerate(values)}


def dukcapil_service(op):
    r = op.call("GET", "/api/v1/services?per=500")
    assert r.status_code == 200, r.text[:200]
    items = r.json()["items"]
    assert items, "operator.dukcapil sees no service"
    return items[0]


def survey(service_id, values, agent, key=None, channel=None):
    headers = {"User-Agent": agent}
    if key:
        headers["X-Kiosk-Key"] = key
    body = {"answers": answers(values)}
    if channel:
        body["channel"] = channel
    return requests.post(f"{base_url()}/api/v1/public/services/{service_id}/survey", json=body, headers=headers, timeout=60)


def wita_today():
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


def test_operator_cannot_reject_an_unflagged_response():
    op = api_login("operator.dukcapil")
    s = dukcapil_service(op)
    sent = survey(s["id"], [3, 3, 3, 3, 3, 3, 3, 3, 3], f"probe-unflagged-{uuid.uuid4()}")
    assert sent.status_code == 201 and sent.json().get("flag") is None
    rid = sent.json()["id"]
    r = op.call("POST", f"/api/v1/services/{s['id']}/responses/{rid}/reject", json={"reason": "tidak sesuai harapan unit"})
    assert r.status_code == 403, r.text[:200]
    listed = op.call("GET", f"/api/v1/services/{s['id']}/responses?flagged=false&status=counted&per=500").json()["items"]
    assert any(i["id"] == rid and i["status"] == "counted" for i in listed)


def test_paper_forms_three_years_back_or_tomorrow_are_422():
    op = api_login("operator.dukcapil")
    s = dukcapil_service(op)
    today = wita_today()
    for day in [today.replace(year=today.year - 3) if not (today.month == 2 and today.day == 29) else today - dt.timedelta(days=3 * 365),
                today + dt.timedelta(days=1)]:
        r = op.call("POST", f"/api/v1/services/{s['id']}/paper", json={"date": day.isoformat(), "answers": answers([4] * 9)})
        assert r.status_code == 422, (day, r.status_code, r.text[:200])
        assert [f["field"] for f in r.json().get("fields", [])] == ["date"], r.text[:300]


def test_one_sender_varying_answers_is_flagged_yet_counted():
    op = api_login("operator.dukcapil")
    s = dukcapil_service(op)
    agent = f"probe-sender-{uuid.uuid4()}"
    flags, ids = [], []
    for values in ([1, 2, 3, 4, 1, 2, 3, 4, 1], [4, 4, 4, 4, 4, 4, 4, 4, 4], [2, 3, 2, 3, 2, 3, 2, 3, 2], [3, 3, 3, 3, 3, 3, 3, 3, 4]):
        r = survey(s["id"], values, agent)
        assert r.status_code == 201, r.text[:200]
        flags.append(r.json().get("flag")); ids.append(r.json()["id"])
    assert flags[0] is None and all(f == "repeat_sender" for f in flags[1:]), flags
    listed = op.call("GET", f"/api/v1/services/{s['id']}/responses?flagged=true&per=500")
    assert listed.status_code == 200
    by_id = {i["id"]: i for i in listed.json()["items"]}
    for rid in ids[1:]:
        assert rid in by_id and by_id[rid]["status"] == "counted", by_id.get(rid)
    # A flagged one may be rejected by the operator, with a reason, once.
    base = f"/api/v1/services/{s['id']}/responses/{ids[1]}"
    assert op.call("POST", base + "/reject", json={}).status_code == 422
    assert op.call("POST", base + "/reject", json={"reason": "probe: pengirim berulang"}).status_code == 200
    assert op.call("POST", base + "/reject", json={"reason": "lagi"}).status_code == 409
    assert op.call("POST", base + "/restore", json={"reason": "probe: dipulihkan"}).status_code == 200


def test_a_registered_kiosk_sends_a_burst_without_flags():
    op = api_login("operator.dukcapil")
    s = dukcapil_service(op)
    admin = api_login("admin")
    reg = admin.call("POST", "/api/v1/kiosks", json={"unitId": s["unitId"], "name": f"Probe kios {uuid.uuid4().hex[:6]}"})
    assert reg.status_code == 201, reg.text[:200]
    key, kid = reg.json()["key"], reg.json()["kiosk"]["id"]
    agent = f"probe-kiosk-{uuid.uuid4()}"
    ids = []
    for i in range(6):
        r = survey(s["id"], [1 + i % 4, 3, 3, 3, 4, 3, 3, 3, 3], agent, key=key)
        assert r.status_code == 201 and r.json().get("flag") is None, r.text[:200]
        ids.append(r.json()["id"])
    listed = {i["id"]: i for i in op.call("GET", f"/api/v1/services/{s['id']}/responses?per=500").json()["items"]}
    assert all(listed[rid]["channel"] == "kios" and listed[rid].get("flag") is None for rid in ids)
    # Claiming the kiosk channel without a key, or with a guessed key: 401.
    assert survey(s["id"], [3] * 9, agent, channel="kios").status_code == 401
    assert survey(s["id"], [3] * 9, agent, key="kios_" + "A" * 43).status_code == 401
    # The key is never listed; revoked once; then refused.
    assert key not in admin.call("GET", "/api/v1/kiosks").text
    assert admin.call("POST", f"/api/v1/kiosks/{kid}/revoke").status_code == 200
    assert admin.call("POST", f"/api/v1/kiosks/{kid}/revoke").status_code == 409
    assert survey(s["id"], [3] * 9, agent, key=key).status_code == 403
