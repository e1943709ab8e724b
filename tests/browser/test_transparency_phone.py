#!/usr/bin/env python3
"""Browser test (issue 19): the public transparency page on a 390 px phone.

A resident opens /transparansi without logging in on a phone: every service is a card (name,
standard time, fee, on-time share, P90, IKM per quarter, the survey/complaint/standard links),
the city's IKM is a row of small cards, the chart has a caption and its numbers as a table
(opened, it still fits), and nothing on the page scrolls sideways. On a laptop
the same page shows the tables instead.

Same conventions as test_login_org_tree.py. Needs the Kota Kupang demo.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

PHONE = 390

WIDEST_JS = """
const limit = arguments[0];
const out = [];
// What a closed <details> holds is not shown (Chromium hides it with content-visibility, so it
// still has a box); a wide table inside a box that scrolls sideways by design (overflow-x: auto,
// itself within the page) moves inside that box, not the page.
const hidden = (el) => { const d = el.closest('details:not([open])'); return d && !el.closest('summary'); };
const scrolled = (el) => {
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if ((o === 'auto' || o === 'scroll') && a.getBoundingClientRect().right <= limit + 1) return true;
  }
  return false;
};
for (const el of document.querySelectorAll('main *')) {
  if (el.offsetParent === null || hidden(el) || scrolled(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > limit + 1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ends at ' + Math.round(r.right));
}
if (document.documentElement.scrollWidth > limit + 1) out.unshift('page ' + document.documentElement.scrollWidth + ' px wide');
return out.slice(0, 8);
"""


def visible(driver, css: str) -> list:
    return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def run(driver) -> None:
    base.step(f"a resident opens the transparency page on a {PHONE} px phone")
    driver.delete_all_cookies()
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": PHONE, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    driver.get(base.BASE_URL + "/transparansi")
    base.find(driver, "main h1", "transparency heading")
    cards = visible(driver, ".service-card")
    base.check(len(cards) >= 10, f"every service is a card: {len(cards)}")
    first = cards[0].text
    for label in ["Waktu standar", "Biaya", "Tepat waktu", "IKM"]:
        base.check(label in first, f"a card names {label!r}: {first[:200]!r}")
    base.check(len(cards[0].find_elements(By.CSS_SELECTOR, "a")) == 3, "a card links survey, complaint and standard")
    base.check(len(visible(driver, "#city-ikm-cards .ikm-card")) >= 1, "the city IKM shows as cards")
    base.check(not visible(driver, "#city-ikm"), "the wide city table is not shown on a phone")
    base.check(not visible(driver, ".transparency-unit table"), "no service table on a phone")
    problems = driver.execute_script(WIDEST_JS, PHONE)
    base.check(not problems, f"nothing reaches past {PHONE} px: {problems}")
    driver.save_screenshot(str(base.artifact("browser-transparency-phone")))

    base.step("the chart says what it shows and has its numbers as a table")
    figure = base.find(driver, "#transparency-chart", "the IKM chart")
    caption = figure.find_element(By.CSS_SELECTOR, "figcaption").text
    base.check("IKM" in caption, f"the chart has a visible caption: {caption!r}")
    svg = figure.find_element(By.CSS_SELECTOR, "svg[role='img']")
    label = svg.get_attribute("aria-labelledby") or ""
    titles = svg.find_elements(By.CSS_SELECTOR, "title")
    base.check(bool(titles) and titles[0].get_attribute("id") == label, f"the chart is named by its title: {label!r}")
    base.check(not figure.find_elements(By.CSS_SELECTOR, ".line-legend"), "no colour legend")
    summary = figure.find_element(By.CSS_SELECTOR, "details.chart-data > summary")
    base.check(summary.text.strip() == "Tabel data", f"the table alternative is offered: {summary.text!r}")
    base.check(not visible(driver, "#transparency-chart details.chart-data table"), "the table starts closed")
    summary.click()
    rows = visible(driver, "#transparency-chart details.chart-data tbody tr")
    base.check(len(rows) >= 3, f"the table lists the city, the units and the band: {len(rows)} rows")
    base.check("Seluruh layanan" in rows[0].text, f"the first row is the city: {rows[0].text!r}")
    problems = driver.execute_script(WIDEST_JS, PHONE)
    base.check(not problems, f"with the table open nothing reaches past {PHONE} px: {problems}")
    driver.save_screenshot(str(base.artifact("browser-transparency-phone-table")))

    base.step("on a laptop the same page shows the tables")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)
    driver.get(base.BASE_URL + "/transparansi")
    base.check(len(visible(driver, "#city-ikm")) == 1, "the city table shows")
    base.check(not visible(driver, ".service-card"), "no cards on a laptop")


def main() -> int:
    return base.run_script(run, "browser-transparency-failure")


if __name__ == "__main__":
    sys.exit(main())
