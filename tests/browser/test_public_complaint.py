#!/usr/bin/env python3
"""Browser test: a resident files a complaint about a service on a phone-sized window, without
logging in, and follows it with the tracking code.

- Too short, the form names the problem and keeps what was typed (text, name, contact).
- Complete, the tracking page shows the new code and "Diterima", and the name and contact typed
  are not on it.
- The unit (here BKPPD's admin, through the API) replies, which takes it to "diproses", and
  closes it ("selesai"); the resident types the code in lower case into the lookup form and sees
  the reply and the status.
- Another resident's tracking page (a second complaint) shows neither the first one's text nor
  its personal data.

Same conventions as test_login_org_tree.py (which it reuses). Needs the Kota Kupang demo: the
service DUKCAPIL-KTP and its short link /s/dukcapil-ktp.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

FORM = "/s/dukcapil-ktp/pengaduan"
NAME = "Maria Bria Uji"
CONTACT = "081234567890"
TEXT = ("Saya antre sejak pukul 08.00 di loket 2 untuk perekaman KTP-el, tetapi petugas baru datang "
        "pukul 10.00 dan tidak ada pemberitahuan.")


def api(path: str, token: str | None = None, body: dict | None = None) -> dict:
    request = urllib.request.Request(base.BASE_URL + path, method="POST" if body is not None else "GET")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        request.add_header("Content-Type", "application/json")
        data = json.dumps(body).encode()
    with urllib.request.urlopen(request, data, timeout=60) as response:
        return json.load(response)


def type_into(driver, css: str, text: str) -> None:
    field = base.find(driver, css, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    field.clear()
    field.send_keys(text)


def submit(driver, what: str) -> None:
    button = base.find(driver, "#complaint-submit", "send button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    base.click_and_wait_for_new_page(driver, button, what)


def run(driver) -> None:
    token = api("/api/v1/auth/token", body={"username": os.environ.get("KOMPETEN_E2E_USER", "admin"),
                                            "password": os.environ["KOMPETEN_E2E_PASSWORD"]})["token"]

    base.step("a resident opens the complaint form on a phone, without logging in")
    driver.set_window_size(360, 740)
    driver.get(base.BASE_URL + FORM)
    base.find(driver, "#complaint-form", "complaint form")
    base.check("KTP-el" in base.find(driver, "#service-name", "service name").text, "the page names the service")
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    base.check(width[0] <= width[1], f"nothing wider than the phone's screen: {width}")
    honeypot = base.find(driver, "#website", "honeypot field")
    base.check(not honeypot.is_displayed(), "the honeypot field is not shown to people")

    base.step("a text too short is named, and what was typed is kept")
    # The browser's own `required` check would stop an empty form; a short text reaches the server.
    type_into(driver, "#text", "Lambat sekali")
    type_into(driver, "#name", NAME)
    type_into(driver, "#contact", CONTACT)
    submit(driver, "validation")
    error = base.find(driver, "#text-error", "text error").text
    base.check("20" in error, f"the error says how long the text must be: {error!r}")
    base.check(base.find(driver, "#name", "name").get_attribute("value") == NAME, "the name is kept")
    base.check(base.find(driver, "#contact", "contact").get_attribute("value") == CONTACT, "the contact is kept")
    driver.save_screenshot(str(base.artifact("browser-complaint-phone")))

    base.step("a complete complaint gets a tracking code; the page shows no personal data")
    type_into(driver, "#text", TEXT)
    submit(driver, "tracking page")
    code = base.find(driver, "#tracking-code", "tracking code").text.strip()
    base.check(code.startswith("ADU-") and len(code) == 12, f"a tracking code ADU-XXXXXXXX: {code!r}")
    base.check(base.path_of(driver).endswith("/" + code), f"the tracking page of that code: {base.path_of(driver)}")
    base.find(driver, "#complaint-filed", "the 'received' notice")
    base.check("Diterima" in base.find(driver, "#status", "status").text, "status Diterima")
    page = driver.page_source
    base.check(NAME not in page and CONTACT not in page, "neither the name nor the contact is on the tracking page")
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    base.check(width[0] <= width[1], f"the tracking page fits the phone: {width}")
    driver.save_screenshot(str(base.artifact("browser-complaint-tracking")))

    base.step("the unit replies (which takes it up) and closes it (API)")
    mine = [c for c in api("/api/v1/complaints?status=diterima&per=500", token)["items"] if c["trackingCode"] == code]
    base.check(len(mine) == 1, f"the complaint is in the unit's list: {len(mine)}")
    complaint = mine[0]
    base.check(complaint.get("name") == NAME and complaint.get("contact") == CONTACT,
               "the handling side sees the name and contact")
    reply = "Mohon maaf. Mulai Senin loket 2 buka pukul 08.00 dan jadwal petugas dipasang di papan informasi."
    replied = api(f"/api/v1/complaints/{complaint['id']}/reply", token, {"text": reply})
    base.check(replied["status"] == "diproses", f"the first reply takes it up: {replied['status']}")
    api(f"/api/v1/complaints/{complaint['id']}/transition", token, {"to": "selesai"})

    base.step("the resident types the code in lower case into the lookup form and sees the reply")
    driver.get(base.BASE_URL + "/lacak")
    type_into(driver, "#kode", code.lower())
    base.click_and_wait_for_new_page(driver, base.find(driver, "#track-form button[type=submit]", "lookup button"),
                                     "tracking page")
    base.check(base.find(driver, "#tracking-code", "tracking code").text.strip() == code, "the same complaint")
    base.check("Selesai" in base.find(driver, "#status", "status").text, "status Selesai")
    base.check(reply in base.norm(base.find(driver, "#complaint-reply", "reply").text), "the unit's reply is shown")
    driver.save_screenshot(str(base.artifact("browser-complaint-reply")))

    base.step("another resident's tracking page shows nothing of the first complaint")
    other = api("/api/v1/public/services/" + complaint["serviceId"] + "/complaints",
                body={"text": "Formulir F-1.01 di loket habis sejak pagi, mohon disediakan lagi."})["trackingCode"]
    driver.get(base.BASE_URL + "/lacak/" + other)
    base.find(driver, "#tracking-code", "tracking code")
    page = driver.page_source
    base.check(TEXT[:40] not in page and reply[:40] not in page, "not the first complaint's text or reply")
    base.check(NAME not in page and CONTACT not in page, "not the first complaint's name or contact")


def main() -> int:
    return base.run_script(run, "browser-complaint-failure")


if __name__ == "__main__":
    sys.exit(main())
