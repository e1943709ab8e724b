#!/usr/bin/env python3
"""Browser test: import employees from a CSV file, open one, see the competency radar chart.

Same conventions as test_login_org_tree.py (which it reuses): plain script, prints
``browser: 1 passed, 0 failed`` on success. Needs the Kota Kupang demo data (unit DUKCAPIL
with position DUKCAPIL.J2).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

NIP = "199912312024121987"
NAME = "Selenium Uji Impor"
CSV = (
    "\ufeffNIP;Nama;Jenis Kepegawaian;Golongan;Kode Unit;Kode Jabatan;NIP Atasan\r\n"
    f"{NIP};{NAME};PNS;III/a;DUKCAPIL;DUKCAPIL.J2;\r\n"
)


def run(driver) -> None:
    base.step("log in")
    driver.get(base.BASE_URL + "/login")
    base.find(driver, "input[name=username]", "username").send_keys(base.USER)
    base.find(driver, "input[name=password]", "password").send_keys(base.PASSWORD)
    base.find(driver, "#login-submit", "login button").click()
    base.wait_for_path(driver, "/", "after login")

    base.step("import a CSV on /imports")
    driver.get(base.BASE_URL + "/imports")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as handle:
        handle.write(CSV)
        path = handle.name
    base.find(driver, "#file-employees", "employee file input").send_keys(path)
    base.find(driver, "#import-employees button[type=submit]", "import button").click()
    result = base.find(driver, "#import-result", "import result")
    base.check("1 baru" in result.text or "0 baru" in result.text, f"unexpected import result: {result.text!r}")

    base.step("find the employee by NIP and open the profile")
    driver.get(base.BASE_URL + f"/employees?q={NIP}")
    link = base.find(driver, "#employee-table a", "employee link")
    base.check(NAME in link.text, f"search by NIP found {link.text!r}")
    link.click()
    heading = base.find(driver, "h1", "profile heading")
    base.check(base.norm(heading.text) == NAME, f"profile heading is {heading.text!r}")
    chart = base.find(driver, "#radar-chart svg", "radar chart")
    base.check(chart.get_attribute("role") == "img", "radar chart has role=img")
    rows = driver.find_elements(By.CSS_SELECTOR, "#gap-table tbody tr")
    base.check(len(rows) >= 9, f"gap table has {len(rows)} rows; the position standard has at least 9 competencies")
    base.check("belum dinilai" in driver.page_source.lower(), "a never-assessed employee shows 'belum dinilai'")
    driver.save_screenshot(str(base.artifact("browser-profile")))

    base.step("an assessed demo employee shows a JPM value")
    driver.get(base.BASE_URL + "/reports/gaps?competency=M.5")
    base.find(driver, "#gap-list a", "employee with an M.5 gap").click()
    jpm = base.find(driver, "#jpm-value", "JPM value")
    base.check(jpm.text.endswith("%"), f"JPM shown as {jpm.text!r}")
    base.find(driver, "#radar-chart svg", "radar chart of an assessed employee")
    driver.save_screenshot(str(base.artifact("browser-profile-assessed")))


def main() -> int:
    return base.run_script(run, "browser-import-failure")


if __name__ == "__main__":
    sys.exit(main())
