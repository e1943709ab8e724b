#!/usr/bin/env python3
"""Browser test: BKPPD drafts next year's instansi development plan (Ps 207) and proposes it,
the Sekretaris Daerah (login `sekda`, designated PPK in the demo) adopts it with a decree
number, and the adopted plan prints on A4 landscape with the PPK's signature block.

- The admin creates the plan of 2027 (empty), adds one item and proposes it; a re-run on the
  same database opens a revision of the adopted plan instead of creating it again.
- The PPK sees the adoption button (from the same rule as the API), which refuses an empty decree
  number with a clear message, and adopts with one.
- The printable page shows instansi, year, legal basis, totals per OPD and per jalur, and the
  signature block with the decree number; Chromium prints it (CSS page size) as A4 landscape:
  every page 842 × 595 pt.

Same conventions as test_login_org_tree.py. Needs the Kota Kupang demo (login `sekda`) and the
e2e admin (KOMPETEN_E2E_USER / KOMPETEN_E2E_PASSWORD).
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
import test_plan_approval as plans  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

YEAR = "2027"
DECREE = "188.45/321/KEP/HK/2027"


def login_admin(driver) -> None:
    driver.get(base.BASE_URL + "/login")
    base.find(driver, "input[name=username]", "username").send_keys(base.USER)
    base.find(driver, "input[name=password]", "password").send_keys(base.PASSWORD)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#login-submit", "login button"), "login")


def open_plan(driver) -> None:
    """Opens the plan of YEAR from the list, creating it when there is none."""
    driver.get(base.BASE_URL + "/development/plans")
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "#instansi-plans a") if a.text.strip() == YEAR]
    if links:
        base.click_and_wait_for_new_page(driver, links[0], f"plan {YEAR}")
        return
    year = base.find(driver, "#field-year", "year field")
    year.clear()
    year.send_keys(YEAR)
    base.find(driver, "#field-budget", "budget field").send_keys("250000000")
    Select(base.find(driver, "#field-source", "source")).select_by_value("empty")
    base.click_and_wait_for_new_page(
        driver, base.find(driver, "#plan-create button[type=submit]", "create button"), "create plan")


def status(driver) -> str:
    return base.norm(base.find(driver, "#plan-status", "plan status").text)


def run(driver) -> None:
    driver.set_window_size(1280, 900)
    base.step(f"BKPPD drafts the {YEAR} plan, adds an item and proposes it")
    login_admin(driver)
    open_plan(driver)
    if status(driver) == "Ditetapkan":  # a re-run: the adopted plan is changed through a revision
        base.find(driver, "#revise-reason", "revision reason").send_keys("Uji ulang peramban")
        base.click_and_wait_for_new_page(
            driver, base.find(driver, "#plan-revise button", "open revision"), "open revision")
    if status(driver) == "Draf":
        Select(base.find(driver, "#field-opdId", "OPD")).select_by_index(1)
        base.find(driver, "#field-title", "title").send_keys("Pelatihan Pelayanan Prima")
        Select(base.find(driver, "#field-path", "path")).select_by_value("KL03")
        base.find(driver, "#field-participants", "participants").send_keys("20")
        base.find(driver, "#field-jp", "JP").send_keys("24")
        base.find(driver, "#field-cost", "cost").send_keys("30000000")
        base.click_and_wait_for_new_page(
            driver, base.find(driver, "form.form[action$='/items'] button[type=submit]", "add item"), "add item")
        base.check(len(driver.find_elements(By.CSS_SELECTOR, "#plan-items tbody tr")) >= 1, "the item is listed")
        base.click_and_wait_for_new_page(
            driver, base.find(driver, "#transition-diusulkan button", "propose"), "propose")
    base.check(status(driver) == "Diusulkan", f"proposed: {status(driver)}")
    base.check(not driver.find_elements(By.CSS_SELECTOR, "#transition-ditetapkan"), "BKPPD has no adopt button")
    plan_url = driver.current_url
    plans.logout(driver)

    base.step("the PPK (sekda) adopts it; an empty decree number is refused")
    plans.login(driver, "sekda")
    driver.get(plan_url)
    base.find(driver, "#transition-ditetapkan", "adopt form")
    driver.execute_script("document.getElementById('decree-number').removeAttribute('required')")
    base.click_and_wait_for_new_page(driver, base.find(driver, "#transition-ditetapkan button", "adopt"), "adopt empty")
    base.check(
        "Nomor keputusan wajib diisi" in base.find(driver, "#error-decreeNumber", "decree error").text,
        "the empty decree number is named",
    )
    base.find(driver, "#decree-number", "decree number").send_keys(DECREE)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#transition-ditetapkan button", "adopt"), "adopt")
    base.check(status(driver) == "Ditetapkan", f"adopted: {status(driver)}")
    base.check(base.norm(base.find(driver, "#plan-decree", "decree").text) == DECREE, "the decree number is recorded")
    base.check(not driver.find_elements(By.CSS_SELECTOR, "form.form[action$='/items']"), "the adopted plan is locked")

    base.step("the printable plan: header, totals, signature block; A4 landscape")
    base.click_and_wait_for_new_page(driver, base.find(driver, "#plan-print", "print link"), "print page")
    sheet = base.find(driver, "#plan-print-sheet", "printable sheet").text
    base.check(bool(base.find(driver, ".plan-print-instansi", "instansi").text.strip()), "the header names the instansi")
    for text in [YEAR, "Pasal 207", "Nomor 10 Tahun 2018", "Jumlah per OPD", "Jumlah per jalur"]:
        base.check(text.upper() in sheet.upper(), f"the sheet shows {text!r}")
    base.check(DECREE in base.find(driver, "#plan-signature", "signature block").text, "the signature block has the decree")
    pdf = base64.b64decode(
        driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    )
    base.check(pdf.startswith(b"%PDF"), "a PDF")
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
    base.check(bool(sizes), "the PDF names its page size")
    base.check(
        all(abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2 for w, h in sizes), f"A4 landscape pages: {sizes}"
    )
    base.artifact("browser-plan-print").with_suffix(".pdf").write_bytes(pdf)


def main() -> int:
    return base.run_script(run, "browser-plan-failure")


if __name__ == "__main__":
    sys.exit(main())
