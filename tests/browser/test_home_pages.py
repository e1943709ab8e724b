#!/usr/bin/env python3
"""Browser test (issue 19): each role's home page, and every figure on it against its list.

For each demo login (Admin BKPPD, an OPD operator, a supervisor, an employee, the assessor and a
training provider) the home page is opened on a laptop and on a 390 px phone, screenshots are
kept as test artifacts, and every count on it (an element with `data-figure`) is followed: the
list it links to must show the same number in `data-list-total` (on the element the link's
#fragment names, else the first one on the page). Figures that are not counts (a JPM, a share)
carry no `data-figure` and are not compared.

Same conventions as test_login_org_tree.py. Needs the Kota Kupang demo.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_login_org_tree as base  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

DEMO_PASSWORD = os.environ.get("KOMPETEN_DEMO_PASSWORD", "Demo-Kupang-2026")

# (username, password, what the home page must show)
ROLES = [
    ("admin", base.PASSWORD, ["#worklist", "#opd-lowest-jpm", "#fig-services-standar"]),
    ("operator.dukcapil", DEMO_PASSWORD, ["#worklist", "#rencana-menunggu", "#tanggapan-ditandai"]),
    ("atasan.dukcapil", DEMO_PASSWORD, ["#team", "#team-heat", "#my-competency"]),
    ("pegawai.dukcapil", DEMO_PASSWORD, ["#my-competency", "#my-jp", "#my-plan"]),
    ("asesor", DEMO_PASSWORD, ["#fig-reassessment-overdue", "#asesmen-terbaru"]),
    ("lpk.bpsdmd", DEMO_PASSWORD, ["#gelombang-mendatang", "#peserta-dicatat"]),
]


def login(driver, username: str, password: str) -> None:
    driver.delete_all_cookies()
    driver.get(base.BASE_URL + "/login")
    base.find(driver, "input[name=username]", "username").send_keys(username)
    base.find(driver, "input[name=password]", "password").send_keys(password)
    base.click_and_wait_for_new_page(driver, base.find(driver, "#login-submit", "login button"), "login")
    base.check(base.path_of(driver) == "/", f"{username} landed on {base.path_of(driver)}")


def list_total(driver, href: str) -> int | None:
    fragment = urlparse(href).fragment
    driver.get(href)
    css = f"#{fragment}[data-list-total]" if fragment else "[data-list-total]"
    found = driver.find_elements(By.CSS_SELECTOR, css)
    if not found:
        return None
    return int(found[0].get_attribute("data-list-total"))


def run(driver) -> None:
    checked = 0
    for username, password, expected in ROLES:
        base.step(f"{username}: home page")
        login(driver, username, password)
        base.check("Beranda" in base.h1_text(driver, "home"), f"{username}: the home page is titled Beranda")
        for css in expected:
            base.check(bool(driver.find_elements(By.CSS_SELECTOR, css)), f"{username}: the home page shows {css}")
        base.check(not driver.find_elements(By.CSS_SELECTOR, "#org-tree"), "the organisation tree moved to /units")
        driver.save_screenshot(str(base.artifact(f"home-{username}")))
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
        )
        driver.get(base.BASE_URL + "/")
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        driver.save_screenshot(str(base.artifact(f"home-{username}-phone")))
        base.check(wide <= 391, f"{username}: the home page is {wide} px wide on a 390 px phone")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.get(base.BASE_URL + "/")
        figures = [
            (e.get_attribute("id") or e.text.strip()[:40], urljoin(driver.current_url, e.get_attribute("href")),
             int(e.get_attribute("data-figure")))
            for e in driver.find_elements(By.CSS_SELECTOR, "a[data-figure]")
        ]
        base.check(len(figures) > 0, f"{username}: the home page has counted figures")
        for name, href, figure in figures:
            total = list_total(driver, href)
            base.check(total is not None, f"{username}: {name} links to {href}, which shows no data-list-total")
            base.check(total == figure, f"{username}: {name} says {figure}, its list {href} counts {total}")
            checked += 1
        base.step(f"{username}: {len(figures)} figures equal their lists")
    base.step(f"{checked} figures checked")


def main() -> int:
    return base.run_script(run, "browser-home-failure")


if __name__ == "__main__":
    sys.exit(main())
