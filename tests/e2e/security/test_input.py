"""Security items 2, 10 and 12 from outside: stored text with control characters, download
names, the CSRF token of multipart forms, and hostile spreadsheets."""

from __future__ import annotations

import io
import re
import time
import zipfile

import requests

from conftest import api_login, base_url, web_login

HOSTILE = "Nama X\r\nX-Injected: 1"
# RFC 6266 as the app writes it: an ASCII fallback and the RFC 8187 UTF-8 name.
DISPOSITION = re.compile(r"^attachment; filename=\"[\x20-\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+\"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$")


def _first(api, path):
    r = api.call("GET", path, params={"per": 5})
    assert r.status_code == 200, f"{path}: {r.status_code}"
    body = r.json()
    items = body["items"] if isinstance(body, dict) and "items" in body else body
    assert items, f"{path}: empty"
    return items[0]


def _fields(r: requests.Response) -> list[str]:
    try:
        return [f["field"] for f in (r.json().get("fields") or [])]
    except ValueError:
        return []


def test_crlf_in_stored_names_is_refused_with_the_field_named():
    api = api_login("admin")
    unit = _first(api, "/api/v1/units")
    programme = _first(api, "/api/v1/programs")
    provider = _first(api, "/api/v1/providers")
    cases = [
        ("/api/v1/programs/%s/batches" % programme["id"],
         {"name": HOSTILE, "startDate": "2027-01-04", "endDate": "2027-01-08", "capacity": 10, "place": "Aula", "online": False}, "name"),
        ("/api/v1/programs/%s/batches" % programme["id"],
         {"name": "Angkatan Uji", "startDate": "2027-01-04", "endDate": "2027-01-08", "capacity": 10, "place": "Aula\tB", "online": False}, "place"),
        ("/api/v1/programs", {"code": "PX\r\n-1", "title": "Pelatihan Uji", "form": "klasikal", "path": "KL03", "providerId": provider["id"],
                              "competencies": [{"competencyCode": "M.5", "levelGain": 1}], "jp": 8, "costPerParticipant": 0, "capacity": 10}, "code"),
        ("/api/v1/programs", {"code": "PX-9", "title": HOSTILE, "form": "klasikal", "path": "KL03", "providerId": provider["id"],
                              "competencies": [{"competencyCode": "M.5", "levelGain": 1}], "jp": 8, "costPerParticipant": 0, "capacity": 10}, "title"),
        ("/api/v1/services", {"code": "X\nY", "name": "Layanan Uji", "unitId": unit["id"], "standardMinutes": 30, "fee": 0, "requirements": []}, "code"),
        ("/api/v1/services", {"code": "X-UJI", "name": HOSTILE, "unitId": unit["id"], "standardMinutes": 30, "fee": 0, "requirements": []}, "name"),
        ("/api/v1/units", {"code": "UJI.X", "name": HOSTILE, "kind": "bidang", "parentId": unit["id"]}, "name"),
        ("/api/v1/providers", {"code": "LPK-UJI", "name": HOSTILE, "kind": "swasta"}, "name"),
    ]
    for path, body, field in cases:
        r = api.call("POST", path, json=body)
        assert r.status_code == 422, f"{path} {field}: {r.status_code} {r.text[:200]}"
        assert field in _fields(r), f"{path}: {r.text[:300]}"
    # A web form too (URL-encoded): 422, nothing created.
    web = web_login("admin")
    web.page("/units/new")
    r = web.form("/units", {"code": "UJI.WEB", "name": HOSTILE, "kind": "opd"})
    assert r.status_code == 422, r.status_code


def test_downloads_have_one_well_formed_content_disposition():
    api = api_login("admin")
    web = web_login("admin")
    programme = _first(api, "/api/v1/programs")
    batch = _first(api, "/api/v1/programs/%s/batches" % programme["id"])
    paths = ["/batches/%s?format=csv" % batch["id"], "/batches/%s?format=xlsx" % batch["id"],
             "/reports/heat-map?format=csv", "/imports/employees/template?format=xlsx", "/exports/employees?format=csv"]
    for path in paths:
        r = web.page(path)
        if r.status_code == 404:
            continue
        assert r.status_code == 200, f"{path}: {r.status_code}"
        values = [v for k, v in r.raw.headers.items() if k.lower() == "content-disposition"]
        assert len(values) == 1 and DISPOSITION.match(values[0]), f"{path}: {values}"
        assert "x-injected" not in {k.lower() for k in r.headers}


def _wide_xlsx(rows: int = 20_000) -> bytes:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    sheet = "".join(f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(1, rows + 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>')
    return out.getvalue()


def test_a_wide_spreadsheet_is_refused_within_seconds():
    data = _wide_xlsx()
    web = web_login("admin")
    web.page("/imports")
    start = time.monotonic()
    r = web.post(base_url() + "/imports/employees", data={"_csrf": web.csrf}, files={"file": ("lebar.xlsx", data)}, timeout=60, allow_redirects=False)
    assert time.monotonic() - start < 10, time.monotonic() - start
    assert r.status_code == 422, r.status_code
    assert "256 kolom" in r.text
    api = api_login("admin")
    start = time.monotonic()
    r = api.call("POST", "/api/v1/employees/import", data=data,
                 headers={"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    assert time.monotonic() - start < 10
    assert r.status_code == 422 and "256 kolom" in r.text, f"{r.status_code} {r.text[:200]}"


ACTION = re.compile(r"<form\b[^>]*\baction=\"([^\"]*)\"", re.I)


def test_no_form_carries_the_csrf_token_in_its_action():
    api = api_login("admin")
    programme = _first(api, "/api/v1/programs")
    batch = _first(api, "/api/v1/programs/%s/batches" % programme["id"])
    service = _first(api, "/api/v1/services")
    employee = _first(api, "/api/v1/employees")
    web = web_login("admin")
    seen = 0
    for path in ["/", "/imports", "/batches/%s" % batch["id"], "/employees", "/services/%s" % service["id"],
                 "/services/%s/paper" % service["id"], "/employees/%s/assessments/new" % employee["id"],
                 "/employees/%s/learning/new" % employee["id"]]:
        r = web.page(path)
        if r.status_code != 200:
            continue
        for action in ACTION.findall(r.text):
            seen += 1
            assert "_csrf" not in action, f"{path}: {action}"
    assert seen > 0


def test_multipart_with_the_token_only_in_the_query_is_refused():
    web = web_login("admin")
    web.page("/imports")
    token = web.csrf
    assert token
    csv = b"NIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit\n"
    r = web.post(base_url() + "/imports/employees", params={"_csrf": token}, files={"file": ("a.csv", csv)},
                 timeout=60, allow_redirects=False)
    assert r.status_code == 403, r.status_code
    # The same upload with the token as a form field passes the check (the file has no rows).
    r = web.post(base_url() + "/imports/employees", data={"_csrf": token}, files={"file": ("a.csv", csv)},
                 timeout=60, allow_redirects=False)
    assert r.status_code == 422, r.status_code
