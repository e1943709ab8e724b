#!/usr/bin/env python3
"""Browser test: an OPD operator opens the SKM report of the quarter Disdukcapil published, checks
its six sections, prints it (A4 PDF through Chromium's own print), and a resident opens the
published copy from the transparency page, which carries no form and no suggestion text.

- The report page has sections I–VI (pendahuluan, metode, profil, hasil, analisis, rencana
  tindak lanjut) and says it is published.
- In print media the cover shows and the screen controls (period tabs, filters, forms) do not.
- Chromium prints it to an A4 PDF of several pages (cover + body).

Same conventions as test_login_org_tree.py (which it reuses). Needs the Kota Kupang demo: the
operator login operator.dukcapil and the published report of Triwulan III 2026.
"""

from __future__ import annotations

import base64
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
import test_plan_approval as plans  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.print_page_options import PrintOptions  # noqa: E402

REPORT = "/skm?kind=triwulan&from=2026-07-01&to=2026-09-30"
SECTIONS = ["#skm-pendahuluan", "#skm-metode", "#skm-hasil", "#skm-analisis", "#skm-follow-up"]


def run(driver) -> None:
    base.step("the Dukcapil operator opens the published report of Triwulan III 2026")
    driver.set_window_size(1280, 900)
    plans.login(driver, "operator.dukcapil")
    driver.get(base.BASE_URL + REPORT)
    for css in SECTIONS:
        base.find(driver, css, f"section {css}")
    base.check("Diterbitkan" in base.find(driver, "#skm-published", "published note").text, "the report says it is published")
    ikm = base.find(driver, "#skm-ikm", "IKM").text.strip()
    base.check(re.fullmatch(r"\d{2},\d{2}", ikm) is not None, f"an IKM with two decimals: {ikm!r}")

    base.step("in print media: the cover, not the screen controls")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    base.check(base.find(driver, "#skm-cover", "cover").is_displayed(), "the cover prints")
    base.check(not base.find(driver, "#skm-presets", "period tabs").is_displayed(), "the period tabs do not print")
    base.check(not base.find(driver, "form.filters", "filters").is_displayed(), "the filter form does not print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    base.step("Chromium prints an A4 PDF of several pages")
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    base.check(pdf.startswith(b"%PDF"), "a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    base.check(pages >= 3, f"cover and body on several pages: {pages}")
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
    base.check(all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes), f"A4 pages: {sizes}")
    base.artifact("browser-skm-report").with_suffix(".pdf").write_bytes(pdf)

    base.step("a resident opens the published copy from the transparency page")
    driver.delete_all_cookies()
    driver.get(base.BASE_URL + "/transparansi")
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/transparansi/skm/']")]
    base.check(len(links) >= 1, f"a published SKM report is linked: {len(links)}")
    base.click_and_wait_for_new_page(driver, links[0], "published report")
    base.find(driver, "#skm-cover", "cover of the published copy")
    for css in SECTIONS:
        base.find(driver, css, f"published section {css}")
    base.check(not driver.find_elements(By.CSS_SELECTOR, "main form"), "the published copy has no form")
    base.check(not driver.find_elements(By.CSS_SELECTOR, "#skm-saran"), "no suggestion text, only their count")
    base.find(driver, "#skm-suggestion-count", "the count of suggestions")
    driver.save_screenshot(str(base.artifact("browser-skm-published")))


def main() -> int:
    return base.run_script(run, "browser-skm-failure")


if __name__ == "__main__":
    sys.exit(main())
