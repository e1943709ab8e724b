#!/usr/bin/env python3
"""Browser test: an employee proposes a development-plan item and submits the plan; the
direct supervisor approves it from the approval inbox (bulk approval).

Same conventions as test_login_org_tree.py (which it reuses): plain script, prints
``browser: 1 passed, 0 failed`` on success. Needs the Kota Kupang demo data: the demo logins
pegawai.dukcapil and atasan.dukcapil (the first is a direct subordinate of the second) and
the demo catalogue.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

DEMO_PASSWORD = os.environ.get("KOMPETEN_DEMO_PASSWORD", "Demo-Kupang-2026")


def login(driver, username: str, password: str = DEMO_PASSWORD) -> None:
    driver.get(base.BASE_URL + "/login")
    base.find(driver, "input[name=username]", "username").send_keys(username)
    base.find(driver, "input[name=password]", "password").send_keys(password)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#login-submit", "login button"), "login")
    base.check(base.path_of(driver) == "/", f"{username} landed on {base.path_of(driver)}")


def logout(driver) -> None:
    base.click_and_wait_for_new_page(driver, base.find(driver, "#logout-button", "logout button"), "logout")


def run(driver) -> None:
    base.step("the employee opens 'Rencana saya' and creates an empty plan")
    login(driver, "pegawai.dukcapil")
    menu = driver.find_element(By.LINK_TEXT, "Rencana saya")
    base.click_and_wait_for_new_page(driver, menu, "my plans")
    # A year no earlier run used, so the test can run again on the same database.
    year = str(random.randint(2040, 2099))
    field = base.find(driver, "#field-year", "year field")
    field.clear()
    field.send_keys(year)
    Select(base.find(driver, "#field-fromTna", "initial content")).select_by_value("0")
    base.click_and_wait_for_new_page(driver, base.find(driver, "#create-plan", "create plan"), "plan page")
    plan_path = base.path_of(driver)
    base.check(plan_path.startswith("/plans/"), f"after creating the plan the page is {plan_path}")
    base.check(base.find(driver, "#plan-status", "status").get_attribute("data-status") == "draft", "a new plan is a draft")

    base.step("propose a catalogue programme as an item")
    programme = Select(base.find(driver, "#field-programId", "programme select"))
    choice = programme.options[1]
    title = choice.text.split(" — ")[1].rsplit(" (", 1)[0]
    programme.select_by_index(1)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#add-item button[type=submit]", "add item"), "item added")
    rows = base.find_all(driver, "#plan-items tbody tr", "plan items")
    base.check(len(rows) == 1 and title in rows[0].text, f"the item {title!r} is in the plan: {[r.text for r in rows]}")

    base.step("submit the plan to the supervisor")
    base.click_and_wait_for_new_page(driver, base.find(driver, "#step-submitted", "submit button"), "submitted")
    base.check(base.find(driver, "#plan-status", "status").get_attribute("data-status") == "submitted", "the plan is submitted")
    base.check(not driver.find_elements(By.CSS_SELECTOR, "#add-item"), "a submitted plan can no longer be edited")
    logout(driver)

    base.step("the supervisor approves it from the inbox")
    login(driver, "atasan.dukcapil")
    driver.get(base.BASE_URL + "/plans")
    plan_id = plan_path.rsplit("/", 1)[1]
    box = base.find(driver, f"#pick-{plan_id}", "the employee's plan in the inbox")
    box.click()
    driver.save_screenshot(str(base.artifact("browser-plan-inbox")))
    base.click_and_wait_for_new_page(driver, base.find(driver, "#bulk-approve-button", "approve button"), "approved")
    base.check("disetujui" in base.norm(base.find(driver, ".flash", "flash message").text).lower(), "a success message is shown")
    base.check(not driver.find_elements(By.CSS_SELECTOR, f"#pick-{plan_id}"), "the approved plan left the inbox")
    driver.get(base.BASE_URL + plan_path)
    status = base.find(driver, "#plan-status", "status")
    base.check(status.get_attribute("data-status") == "approved_supervisor", f"status after approval: {status.text!r}")
    driver.save_screenshot(str(base.artifact("browser-plan-approved")))


def main() -> int:
    return base.run_script(run, "browser-plan-failure")


if __name__ == "__main__":
    sys.exit(main())
