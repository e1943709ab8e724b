"""Read rules on every download, access decided before the body, small privacy leaks.

Against the demo data: what each role receives from the exports (row by row, compared with
what the role may see), that another OPD's records refuse empty and valid bodies alike with
403/404 (never a 422 naming fields, never a success), and that a pegawai's position page shows
no other holder's NIP.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import api_login, web_login

NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def paged(api, path: str) -> list[dict]:
    items, page = [], 1
    while True:
        sep = "&" if "?" in path else "?"
        r = api.call("GET", f"{path}{sep}page={page}&per=100")
        assert r.status_code == 200, f"{path}: {r.status_code} {r.text[:200]}"
        body = r.json()
        items += body["items"]
        if len(items) >= body["metadata"]["total"] or not body["items"]:
            return items
        page += 1


@pytest.fixture(scope="module")
def admin_web():
    return web_login("admin")


@pytest.fixture(scope="module")
def bkppd_units() -> set[str]:
    """The codes of BKPPD and every unit below it, worked out by the admin from the tree."""
    units = paged(api_login("admin"), "/api/v1/units")
    top = [u for u in units if u.get("parentId") is None and u["code"].upper() == "BKPPD"]
    assert top, "no BKPPD unit in the demo data"
    ids, codes = {top[0]["id"]}, {top[0]["code"]}
    grew = True
    while grew:
        grew = False
        for u in units:
            if u.get("parentId") in ids and u["id"] not in ids:
                ids.add(u["id"]); codes.add(u["code"]); grew = True
    return codes


@pytest.fixture(scope="module")
def admin_employees(admin_web) -> list[dict[str, str]]:
    r = admin_web.page("/exports/employees?format=csv")
    assert r.status_code == 200
    return csv_rows(r.text)


def test_assessor_downloads_no_skp_ratings():
    r = web_login("asesor").page("/exports/performance?format=csv")
    assert r.status_code in (403, 404) or (r.status_code == 200 and csv_rows(r.text) == []), \
        f"asesor /exports/performance: {r.status_code}, {len(csv_rows(r.text)) if r.status_code == 200 else ''} rows"


def test_operator_exports_only_their_opd(admin_employees, bkppd_units):
    expected = {row["NIP"] for row in admin_employees if row["Kode Unit"] in bkppd_units}
    assert expected, "BKPPD has no employees in the admin's export"
    op = web_login("operator.bkppd")
    r = op.page("/exports/employees?format=csv")
    assert r.status_code == 200
    got = {row["NIP"] for row in csv_rows(r.text)}
    assert got == expected, f"operator.bkppd export: {len(got)} NIPs, expected {len(expected)}; foreign: {sorted(got - expected)[:5]}"
    # SKP ratings and assessment results: only BKPPD's people.
    for kind in ("performance", "assessments"):
        r = op.page(f"/exports/{kind}?format=csv")
        assert r.status_code == 200
        foreign = {row["NIP"] for row in csv_rows(r.text)} - expected
        assert not foreign, f"operator.bkppd /exports/{kind} holds other OPDs' NIPs: {sorted(foreign)[:5]}"


def test_pegawai_exports_only_self():
    api = api_login("pegawai.dukcapil")
    me = paged(api, "/api/v1/employees")
    assert len(me) == 1
    web = web_login("pegawai.dukcapil")
    for kind in ("employees", "performance", "assessments"):
        r = web.page(f"/exports/{kind}?format=csv")
        if r.status_code in (403, 404):
            continue
        assert r.status_code == 200
        assert {row["NIP"] for row in csv_rows(r.text)} <= {me[0]["nip"]}, f"pegawai /exports/{kind}"


@pytest.fixture(scope="module")
def dukcapil_records():
    """A sub-unit and an employee of Dukcapil, found by its operator."""
    api = api_login("operator.dukcapil")
    units = [u for u in paged(api, "/api/v1/units") if u.get("parentId") is not None]
    employees = api.call("GET", "/api/v1/employees?per=1").json()["items"]
    assert units and employees
    return units[0], employees[0]


def test_another_opds_records_refuse_any_body(dukcapil_records):
    unit, employee = dukcapil_records
    op = api_login("operator.bkppd")
    valid_unit = {"code": unit["code"], "name": "Diubah BKPPD", "kind": unit["kind"], "parentId": unit.get("parentId")}
    valid_employee = {k: employee[k] for k in ("nip", "name", "employmentType", "rank", "unitId")} | {"name": "Diubah BKPPD"}
    cases = [
        ("PUT", f"/api/v1/units/{unit['id']}", valid_unit),
        ("PUT", f"/api/v1/employees/{employee['id']}", valid_employee),
        ("POST", f"/api/v1/employees/{employee['id']}/performance", {"year": 2025, "hasilKerja": "sesuai_ekspektasi", "perilakuKerja": "sesuai_ekspektasi"}),
        ("POST", f"/api/v1/employees/{employee['id']}/assessments", {"date": "2026-03-01", "method": "assessment_center", "results": [{"competencyCode": "M.1", "level": 3}]}),
        ("POST", f"/api/v1/employees/{employee['id']}/plans", {"year": 2030}),
    ]
    for method, path, body in cases:
        for sent in ({}, body):
            r = op.call(method, path, json=sent)
            assert r.status_code in (403, 404), f"operator.bkppd {method} {path} {'valid' if sent else 'empty'}: {r.status_code} {r.text[:200]}"


def test_roles_without_the_right_get_403_not_422():
    for user in ("pegawai.dukcapil", "asesor"):
        api = api_login(user)
        for path in ("/api/v1/users", "/api/v1/units", "/api/v1/providers", "/api/v1/competencies"):
            r = api.call("POST", path, json={})
            assert r.status_code == 403, f"{user} POST {path} {{}}: {r.status_code} {r.text[:200]}"


def test_pegawai_position_page_shows_no_other_holder():
    api = api_login("pegawai.dukcapil")
    me = paged(api, "/api/v1/employees")[0]
    if not me.get("positionId"):
        pytest.skip("pegawai.dukcapil holds no position in the demo data")
    r = web_login("pegawai.dukcapil").page(f"/positions/{me['positionId']}")
    assert r.status_code == 200
    others = set(NIP.findall(r.text)) - {me["nip"]}
    assert not others, f"the position page shows other holders' NIPs: {sorted(others)[:5]}"
