#!/usr/bin/env python3
"""Browser test: an employee fills the L1 (reaction) evaluation of a completed training from
the home page, and the form leaves the home page once filled.

Same conventions as test_login_org_tree.py (which it reuses). Needs the Kota Kupang demo:
the demo keeps the L1 of pegawai.dukcapil's latest completed training unfilled.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
import test_plan_approval as plans  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def l1_links(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#evaluation-panel a[href*='evaluate?level=1']")


def run(driver) -> None:
    base.step("the employee's home page lists the L1 form of their latest training")
    plans.login(driver, "pegawai.dukcapil")
    links = l1_links(driver)
    base.check(len(links) >= 1, "the home page offers an L1 evaluation to fill")
    href = links[0].get_attribute("href")
    base.click_and_wait_for_new_page(driver, links[0], "L1 form")
    base.check("evaluate?level=1" in driver.current_url, f"the L1 form opened: {driver.current_url}")

    base.step("sending it half-filled names the missing answers")
    driver.find_element(By.CSS_SELECTOR, "input[name='score-material'][value='4']").click()
    base.click_and_wait_for_new_page(driver, base.find(driver, "#submit-evaluation", "send button"), "validation")
    errors = base.find_all(driver, ".field-error", "field errors", at_least=3)
    base.check(len(errors) == 3, f"three questions unanswered: {[e.text for e in errors]}")
    base.check(driver.find_element(By.CSS_SELECTOR, "input[name='score-material'][value='4']").is_selected(), "the given answer is kept")

    base.step("answer every question and send")
    for name, value in [("facilitator", "3"), ("organisation", "3"), ("usefulness", "4")]:
        driver.find_element(By.CSS_SELECTOR, f"input[name='score-{name}'][value='{value}']").click()
    base.find(driver, "#field-comment", "comment").send_keys("Materi pelayanan prima langsung terpakai di loket.")
    driver.save_screenshot(str(base.artifact("browser-evaluation-form")))
    base.click_and_wait_for_new_page(driver, base.find(driver, "#submit-evaluation", "send button"), "saved")
    base.check(base.path_of(driver) == "/evaluations", f"back on 'Evaluasi saya': {base.path_of(driver)}")
    base.check("terima kasih" in base.norm(base.find(driver, ".flash", "flash message").text).lower(), "a thank-you message is shown")

    base.step("the home page no longer offers that form")
    driver.get(base.BASE_URL + "/")
    base.check(all(a.get_attribute("href") != href for a in l1_links(driver)), "the filled L1 left the home page")
    driver.save_screenshot(str(base.artifact("browser-evaluation-done")))


def main() -> int:
    return base.run_script(run, "browser-evaluation-failure")


if __name__ == "__main__":
    sys.exit(main())
