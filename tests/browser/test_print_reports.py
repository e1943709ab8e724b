#!/usr/bin/env python3
"""Browser test (issue 19): the main reports print on A4 without cut-off columns.

BKPPD's admin opens each wide report and Chromium prints it with the page size the CSS asks
for (Page.printToPDF with preferCSSPageSize): every page of the PDF is A4 landscape
(842 × 595 pt). Then, in print media at the printable width of that page (277 mm at 96 px per
inch = 1047 px), no table reaches past the right edge — the needs analysis keeps its budget
column — and every table repeats its header row (thead printed as a table-header-group).

Same conventions as test_login_org_tree.py (which it reuses for the admin login). Needs the
Kota Kupang demo.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

REPORTS = [
    ("/development/needs", "needs analysis"),
    ("/reports/gaps", "gap report"),
    ("/reports/heat-map", "heat map"),
    ("/reports/abk", "workload (ABK)"),
    ("/development/jp", "20 JP compliance"),
    ("/monitoring", "monitoring"),
    ("/talent", "talent 9-box"),
]
# A4 landscape minus the 10 mm margins of the `wide` page, in CSS px (96 per inch).
PRINTABLE_PX = round((297 - 20) / 25.4 * 96)

OVERFLOW_JS = """
const limit = arguments[0];
const out = [];
for (const t of document.querySelectorAll('main table')) {
  if (t.offsetParent === null) continue;            // not printed (display:none)
  const r = t.getBoundingClientRect();
  if (r.right > limit + 1) out.push((t.id || t.className || 'table') + ' ends at ' + Math.round(r.right));
  const head = t.tHead;
  if (head && getComputedStyle(head).display !== 'table-header-group') out.push((t.id || 'table') + ': thead does not repeat');
}
if (document.documentElement.scrollWidth > limit + 1) out.push('page ' + document.documentElement.scrollWidth + ' px wide');
return out;
"""


def login_admin(driver) -> None:
    driver.get(base.BASE_URL + "/login")
    form = base.find(driver, "form#login-form", "login page")
    form.find_element(By.CSS_SELECTOR, 'input[name="username"]').send_keys(base.USER)
    form.find_element(By.CSS_SELECTOR, 'input[name="password"]').send_keys(base.PASSWORD)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#login-submit", "login button"), "login")


def run(driver) -> None:
    base.step("BKPPD's admin signs in")
    driver.set_window_size(1280, 900)
    login_admin(driver)
    for path, what in REPORTS:
        base.step(f"{what}: {path} prints on A4 landscape")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.get(base.BASE_URL + path)
        base.find(driver, "main h1", f"{what} heading")
        result = driver.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
        )
        pdf = base64.b64decode(result["data"])
        base.check(pdf.startswith(b"%PDF"), f"{what}: a PDF")
        sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
        base.check(
            bool(sizes) and all(abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2 for w, h in sizes),
            f"{what}: every page A4 landscape: {sizes}",
        )
        slug = path.strip("/").replace("/", "-")
        base.artifact(f"browser-print-{slug}").with_suffix(".pdf").write_bytes(pdf)

        base.step(f"{what}: in print media at {PRINTABLE_PX} px no table is cut off")
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": PRINTABLE_PX, "height": 740, "deviceScaleFactor": 1, "mobile": False},
        )
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        problems = driver.execute_script(OVERFLOW_JS, PRINTABLE_PX)
        base.check(not problems, f"{what}: {problems}")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def main() -> int:
    return base.run_script(run, "browser-print-failure")


if __name__ == "__main__":
    sys.exit(main())
