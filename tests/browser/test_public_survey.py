#!/usr/bin/env python3
"""Browser test: a resident fills the public SKM survey of a service on a phone-sized window,
without logging in. Half-filled, the page names the missing element and keeps the answers
given; complete, it shows the thank-you page, and the response is counted (checked through
the API, whose count rises by one).

Same conventions as test_login_org_tree.py (which it reuses). Needs the Kota Kupang demo:
the service DUKCAPIL-KTP and its short link /s/dukcapil-ktp.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SURVEY = "/s/dukcapil-ktp"


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


def respondents_today(token: str, service_id: str) -> int:
    today = datetime.now(timezone(timedelta(hours=8))).date().isoformat()  # WITA
    return api(f"/api/v1/services/{service_id}/ikm?from={today}&to={today}", token)["respondents"]


def run(driver) -> None:
    token = api("/api/v1/auth/token", body={"username": os.environ.get("KOMPETEN_E2E_USER", "admin"),
                                            "password": os.environ["KOMPETEN_E2E_PASSWORD"]})["token"]
    services = api("/api/v1/services?per=500", token)["items"]
    ktp = next(s for s in services if s["code"] == "DUKCAPIL-KTP")
    before = respondents_today(token, ktp["id"])

    base.step("a resident opens the survey link on a phone, without logging in")
    driver.set_window_size(360, 740)
    driver.get(base.BASE_URL + SURVEY)
    base.find(driver, "#survey-form", "survey form")
    base.check("Penerbitan KTP-el" in base.find(driver, "#service-name", "service name").text, "the page names the service")
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    base.check(width[0] <= width[1], f"nothing wider than the phone's screen: {width}")
    base.check(len(driver.find_elements(By.CSS_SELECTOR, "fieldset.skm-element")) == 9, "nine elements to answer")

    base.step("sending without U9 names it and keeps the other answers")
    for i in range(1, 9):
        option = driver.find_element(By.CSS_SELECTOR, f"input[name='u{i}'][value='{3 if i != 6 else 4}']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", option)
        option.click()
    base.click_and_wait_for_new_page(driver, base.find(driver, "#survey-submit", "send button"), "validation")
    base.check("U9" in base.find(driver, "#element-U9 .field-error", "U9 error").text, "U9 is named as missing")
    base.check(driver.find_element(By.CSS_SELECTOR, "input[name='u6'][value='4']").is_selected(), "the U6 answer is kept")
    driver.save_screenshot(str(base.artifact("browser-survey-phone")))

    base.step("answer U9, give an age band, send: the thank-you page")
    option = driver.find_element(By.CSS_SELECTOR, "input[name='u9'][value='3']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", option)
    option.click()
    base.find(driver, "#ageBand option[value='30-39']", "age band option").click()
    base.click_and_wait_for_new_page(driver, base.find(driver, "#survey-submit", "send button"), "thank-you page")
    base.check(base.path_of(driver) == SURVEY + "/terima-kasih", f"on the thank-you page: {base.path_of(driver)}")
    base.check("Terima kasih" in base.find(driver, "#thanks", "thank-you heading").text, "the thank-you heading is shown")
    driver.save_screenshot(str(base.artifact("browser-survey-thanks")))

    base.step("the response is counted")
    after = respondents_today(token, ktp["id"])
    base.check(after == before + 1, f"one more respondent today: {before} → {after}")


def main() -> int:
    return base.run_script(run, "browser-survey-failure")


if __name__ == "__main__":
    sys.exit(main())
