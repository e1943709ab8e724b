#!/usr/bin/env python3
"""Browser test: log in, walk the organisation tree, log out.

A plain script (no pytest): exits 0 and prints ``browser: 1 passed, 0 failed`` on success,
exits 1 and prints ``browser: 0 passed, 1 failed`` on failure. Run by scripts/test against
a running app; alone:

    .venv-test/bin/python tests/browser/test_login_org_tree.py

Environment:
    KOMPETEN_BASE_URL       default http://127.0.0.1:8089
    KOMPETEN_E2E_USER       default admin
    KOMPETEN_E2E_PASSWORD   default admin-e2e-Kupang1
    KOMPETEN_E2E_LABEL      optional suffix for screenshot names (e.g. "pg")
    KOMPETEN_ARTIFACTS_DIR  default <repo>/.test-artifacts

The HTML contract it checks:
    /login      form#login-form, input[name=username], input[name=password], #login-submit
    /           h1 with "Beranda", #units-link to the organisation tree,
                #current-user with the user name, form#logout-form with #logout-button (POST)
    unit page   h1 with the unit's name, nav.breadcrumbs, #child-units a.unit-link
    /units      #unit-tree a.unit-link (at least 100: every OPD, kecamatan and kelurahan)
    logged out  GET / redirects to /login
"""

from __future__ import annotations

import os
import sys
import traceback
import uuid
from pathlib import Path
from urllib.parse import urlparse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach the network

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = os.environ.get("KOMPETEN_BASE_URL", "http://127.0.0.1:8089").rstrip("/")
USER = os.environ.get("KOMPETEN_E2E_USER", "admin")
PASSWORD = os.environ.get("KOMPETEN_E2E_PASSWORD", "admin-e2e-Kupang1")
LABEL = os.environ.get("KOMPETEN_E2E_LABEL", "").strip()
ARTIFACTS = Path(os.environ.get("KOMPETEN_ARTIFACTS_DIR", ROOT / ".test-artifacts"))
CHROMIUM = os.environ.get("KOMPETEN_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KOMPETEN_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT_SECONDS = 20
MIN_TREE_LINKS = 100


class CheckFailed(AssertionError):
    pass


def artifact(name: str) -> Path:
    """.test-artifacts/NAME.png, or NAME-LABEL.png when a label is set (sqlite keeps the plain name)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if LABEL and LABEL != "sqlite":
        return ARTIFACTS / f"{name}-{LABEL}.png"
    return ARTIFACTS / f"{name}.png"


def step(message: str) -> None:
    print(f"    browser: {message}", flush=True)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def norm(text: str) -> str:
    return " ".join(text.split())


def path_of(driver: WebDriver) -> str:
    return urlparse(driver.current_url).path or "/"


def make_driver() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--lang=id-ID",
    ):
        options.add_argument(arg)
    service = Service(executable_path=CHROMEDRIVER, log_output=str(ARTIFACTS / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    return driver


def wait(driver: WebDriver) -> WebDriverWait:
    return WebDriverWait(driver, WAIT_SECONDS)


def wait_for_path(driver: WebDriver, path: str, what: str) -> None:
    try:
        wait(driver).until(lambda d: path_of(d) == path)
    except TimeoutException as exc:
        raise CheckFailed(f"{what}: expected to be on {path}, but the URL is {driver.current_url}") from exc


def find(driver: WebDriver, css: str, what: str) -> WebElement:
    try:
        return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
    except TimeoutException as exc:
        raise CheckFailed(f"{what}: no element matches {css!r} on {driver.current_url}") from exc


def find_all(driver: WebDriver, css: str, what: str, at_least: int = 1) -> list[WebElement]:
    try:
        wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= at_least)
    except TimeoutException as exc:
        found = len(driver.find_elements(By.CSS_SELECTOR, css))
        raise CheckFailed(
            f"{what}: expected at least {at_least} elements matching {css!r} on {driver.current_url}, found {found}"
        ) from exc
    return driver.find_elements(By.CSS_SELECTOR, css)


def click_and_wait_for_new_page(driver: WebDriver, element: WebElement, what: str) -> None:
    """Click something that navigates, and wait until a new document has loaded.

    A marker set on the old window object disappears with the old document; that is sturdier
    than staleness_of, which chromedriver sometimes answers with an inspector error mid-navigation.
    """
    marker = uuid.uuid4().hex
    driver.execute_script("window.__kompetenOldPage = arguments[0];", marker)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()

    def new_page_loaded(d: WebDriver) -> bool:
        try:
            return d.execute_script(
                "return window.__kompetenOldPage === undefined && document.readyState === 'complete';"
            )
        except WebDriverException:
            return False  # the old document is going away; ask again

    try:
        wait(driver).until(new_page_loaded)
    except TimeoutException as exc:
        raise CheckFailed(f"{what}: the click did not load a new page (still {driver.current_url})") from exc


def h1_text(driver: WebDriver, what: str) -> str:
    return norm(find(driver, "h1", what).text)


def run(driver: WebDriver) -> None:
    # 1. Log in.
    step(f"GET {BASE_URL}/login")
    driver.get(f"{BASE_URL}/login")
    form = find(driver, "form#login-form", "login page")
    form.find_element(By.CSS_SELECTOR, 'input[name="username"]').send_keys(USER)
    form.find_element(By.CSS_SELECTOR, 'input[name="password"]').send_keys(PASSWORD)
    submit = find(driver, "#login-submit", "login page")
    click_and_wait_for_new_page(driver, submit, "submitting the login form")

    # 2. The home page, and from it the organisation tree on /units.
    wait_for_path(driver, "/", "after logging in")
    title = h1_text(driver, "home page")
    check("Beranda" in title, f"home page: h1 is {title!r}, expected it to contain 'Beranda'")
    current_user = norm(find(driver, "#current-user", "home page header").text)
    check(USER in current_user, f"home page: #current-user shows {current_user!r}, expected {USER!r}")
    click_and_wait_for_new_page(driver, find(driver, "#units-link", "home page"), "opening the organisation")
    wait_for_path(driver, "/units", "organisation tree")
    tree_links = find_all(driver, "#unit-tree a.unit-link", "organisation tree")
    step(f"home ok: h1 {title!r}, user {current_user!r}; /units has {len(tree_links)} unit links")

    # 3. A kecamatan, then its first kelurahan.
    kecamatan = next((a for a in tree_links if a.text.strip().startswith("Kecamatan ")), None)
    if kecamatan is None:
        # The tree may be collapsed; read the text content instead of the rendered text.
        kecamatan = next(
            (a for a in tree_links if (a.get_attribute("textContent") or "").strip().startswith("Kecamatan ")), None
        )
    check(kecamatan is not None, "/units: no a.unit-link in #unit-tree mentions 'Kecamatan'")
    kecamatan_name = norm(kecamatan.text or kecamatan.get_attribute("textContent") or "")
    step(f"open {kecamatan_name!r}")
    click_and_wait_for_new_page(driver, kecamatan, f"opening {kecamatan_name!r}")
    title = h1_text(driver, "kecamatan page")
    check(kecamatan_name in title, f"kecamatan page: h1 is {title!r}, expected it to hold {kecamatan_name!r}")
    find(driver, "nav.breadcrumbs", "kecamatan page")
    children = find_all(driver, "#child-units a.unit-link", "kecamatan page child units")
    child = children[0]
    child_name = norm(child.text or child.get_attribute("textContent") or "")
    check(child_name != "", "kecamatan page: the first child unit link has no text")
    step(f"{len(children)} child units; open {child_name!r}")
    click_and_wait_for_new_page(driver, child, f"opening {child_name!r}")
    title = h1_text(driver, "child unit page")
    check(child_name in title, f"child unit page: h1 is {title!r}, expected it to hold {child_name!r}")
    find(driver, "nav.breadcrumbs", "child unit page")

    # 4. The full tree.
    step(f"GET {BASE_URL}/units")
    driver.get(f"{BASE_URL}/units")
    wait_for_path(driver, "/units", "full tree")
    links = find_all(driver, "#unit-tree a.unit-link", "full tree", at_least=MIN_TREE_LINKS)
    step(f"/units lists {len(links)} units")

    # 5. Screenshot, then log out.
    shot = artifact("browser-org-tree")
    driver.save_screenshot(str(shot))
    step(f"screenshot {shot}")
    logout = find(driver, "form#logout-form #logout-button", "header")
    click_and_wait_for_new_page(driver, logout, "logging out")
    wait_for_path(driver, "/login", "after logging out")

    # 6. Logged out for real: the dashboard sends us back to the login page.
    driver.get(f"{BASE_URL}/")
    wait_for_path(driver, "/login", "GET / after logging out")
    find(driver, "form#login-form", "login page after logging out")
    step("logged out: / redirects to /login")


def run_script(run, failure_name: str = "browser-failure") -> int:
    """Runs one browser script: a fresh driver, `run(driver)`, and on any failure a screenshot,
    the URL and the head of the page; prints the summary line the test command counts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver = None
    try:
        driver = make_driver()
        run(driver)
    except Exception as exc:  # noqa: BLE001 - report everything as a test failure
        print(f"browser: FAILED: {exc}", file=sys.stderr)
        if not isinstance(exc, CheckFailed):
            traceback.print_exc()
        if driver is not None:
            try:
                shot = artifact(failure_name)
                driver.save_screenshot(str(shot))
                print(f"browser: failure screenshot {shot}", file=sys.stderr)
                print(f"browser: URL {driver.current_url}", file=sys.stderr)
                print("browser: page source (head):", file=sys.stderr)
                print(driver.page_source[:3000], file=sys.stderr)
            except Exception as inner:  # noqa: BLE001
                print(f"browser: could not capture the page: {inner}", file=sys.stderr)
        print("browser: 0 passed, 1 failed")
        return 1
    finally:
        if driver is not None:
            driver.quit()
    print("browser: 1 passed, 0 failed")
    return 0


def main() -> int:
    return run_script(run)


if __name__ == "__main__":
    sys.exit(main())
