#!/usr/bin/env python3
"""Browser test: three flows done with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow
keys and typing, sent to the focused element; never a click):

1. log in (focus starts in the user-name field); on the home page, the skip link "Langsung ke
   isi" is the first tab stop and moves focus into <main> (also on the survey and the inbox);
2. a resident sends the public SKM survey of DUKCAPIL-KTP empty (the page with the errors passes
   a11y.check_page), then fills and sends it;
3. atasan.dukcapil approves a subordinate's submitted plan from the approval inbox.

Every element focused along the way must show a visible focus indicator: its computed outline
or box-shadow while focused differs from the same element's once focus has moved on.

The plan of flow 3 is prepared through the API as pegawai.dukcapil (a random year, so the test
can run again on the same database); the supervisor's part is the keyboard flow. Same
conventions as test_login_org_tree.py (which it reuses). Needs the Kota Kupang demo.
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import a11y  # noqa: E402
import test_login_org_tree as base  # noqa: E402
from test_public_survey import api  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

DEMO_PASSWORD = os.environ.get("KOMPETEN_DEMO_PASSWORD", "Demo-Kupang-2026")
SURVEY = "/s/dukcapil-ktp"
MAX_TABS = 120

FOCUS_STYLE_JS = """
const s = getComputedStyle(arguments[0]);
return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ');
"""
ACTIVE_JS = """
const a = document.activeElement;
if (!a || a === document.body) return null;
return {el: a, tag: a.tagName.toLowerCase(), id: a.id, name: a.getAttribute('name') || '',
        type: a.getAttribute('type') || '', href: a.getAttribute('href') || '',
        text: (a.innerText || a.value || '').trim().slice(0, 60), inMain: !!a.closest('main')};
"""


class Keyboard:
    """Keys go to whatever has focus, like a person's. Each focus change checks that the element
    left behind looked different while it had focus (the focus indicator)."""

    def __init__(self, driver):
        self.driver = driver
        self.checked = 0

    def active(self) -> dict | None:
        return self.driver.execute_script(ACTIVE_JS)

    def press(self, *keys: str) -> None:
        before = self.active()
        focused_style = self.driver.execute_script(FOCUS_STYLE_JS, before["el"]) if before else None
        ActionChains(self.driver).send_keys(*keys).perform()
        if before is None:
            return
        after = self.active()
        if after is not None and after["el"] == before["el"]:
            return
        try:
            plain_style = self.driver.execute_script(FOCUS_STYLE_JS, before["el"])
        except WebDriverException:
            return  # the key navigated away; the old element is gone
        base.check(
            plain_style != focused_style,
            f"no visible focus indicator on <{before['tag']} id={before['id']!r} {before['text']!r}>: "
            f"focused and unfocused styles are both {plain_style!r}",
        )
        self.checked += 1

    def tab(self, backwards: bool = False) -> dict | None:
        if backwards:
            self.press(Keys.SHIFT, Keys.TAB)
            ActionChains(self.driver).key_up(Keys.SHIFT).perform()
        else:
            self.press(Keys.TAB)
        return self.active()

    def tab_to(self, css: str, what: str) -> dict:
        for _ in range(MAX_TABS):
            current = self.tab()
            if current and self.driver.execute_script("return arguments[0].matches(arguments[1]);", current["el"], css):
                return current
        raise base.CheckFailed(f"{what}: {MAX_TABS} presses of Tab never reached {css!r} on {self.driver.current_url}")

    def type(self, text: str) -> None:
        ActionChains(self.driver).send_keys(text).perform()

    def enter_and_wait(self, what: str) -> None:
        marker = uuid.uuid4().hex
        self.driver.execute_script("window.__kompetenOldPage = arguments[0];", marker)
        ActionChains(self.driver).send_keys(Keys.ENTER).perform()

        def new_page_loaded(d) -> bool:
            try:
                return d.execute_script("return window.__kompetenOldPage === undefined && document.readyState === 'complete';")
            except WebDriverException:
                return False

        try:
            base.wait(self.driver).until(new_page_loaded)
        except Exception as exc:  # noqa: BLE001
            raise base.CheckFailed(f"{what}: Enter did not load a new page (still {self.driver.current_url})") from exc


def skip_link_first(kb: Keyboard, what: str) -> None:
    """The first Tab lands on the skip link; Enter on it, then Tab, lands inside <main>."""
    first = kb.tab()
    base.check(
        first is not None and first["href"] == "#main" and first["text"].startswith("Langsung ke"),
        f"{what}: the first tab stop is not the skip link but {first and {k: v for k, v in first.items() if k != 'el'}}",
    )
    kb.press(Keys.ENTER)
    after = kb.tab()
    base.check(after is not None and after["inMain"], f"{what}: after the skip link, Tab went to {after and after['tag']} outside <main>")


def keyboard_login(driver, kb: Keyboard, username: str, password: str) -> None:
    driver.delete_all_cookies()
    driver.get(base.BASE_URL + "/login")
    base.find(driver, "form#login-form", "login page")
    # The login page puts focus in the user-name field (autofocus), the one thing to do there.
    current = kb.active()
    base.check(current is not None and current["name"] == "username", f"login page: focus starts on {current and current['tag']}, not the user name")
    kb.type(username)
    kb.tab_to("input[name=password]", "login")
    kb.type(password)
    kb.enter_and_wait("submitting the login form with Enter")
    base.check(base.path_of(driver) == "/", f"{username} landed on {base.path_of(driver)} after logging in")
    skip_link_first(kb, f"home page of {username}")


def employee_token() -> str:
    return api("/api/v1/auth/token", body={"username": "pegawai.dukcapil", "password": DEMO_PASSWORD})["token"]


def submitted_plan() -> str:
    """pegawai.dukcapil's plan with one catalogue item, submitted to the supervisor (via the API)."""
    token = employee_token()
    me = api("/api/v1/me/data", token)
    employee_id = me["akun"]["employee_id"]
    programmes = api("/api/v1/programs?per=5", token)["items"]
    # A year no plan of theirs has yet, below test_plan_approval's random 2040–2099, so neither
    # test can take the other's year, and the test runs again on the same database.
    taken = {p["year"] for p in api(f"/api/v1/employees/{employee_id}/plans", token)}
    year = random.choice([y for y in range(2001, 2040) if y not in taken])
    plan = api(f"/api/v1/employees/{employee_id}/plans", token, {"year": year, "fromTna": False})
    api(f"/api/v1/plans/{plan['id']}/items", token, {"programId": programmes[0]["id"]})
    api(f"/api/v1/plans/{plan['id']}/transition", token, {"to": "submitted"})
    return plan["id"]


def run(driver) -> None:
    kb = Keyboard(driver)

    base.step("1. log in with the keyboard")
    keyboard_login(driver, kb, base.USER, base.PASSWORD)

    base.step("2. the public SKM survey with the keyboard")
    driver.delete_all_cookies()
    driver.get(base.BASE_URL + SURVEY)
    base.find(driver, "#survey-form", "survey form")
    skip_link_first(kb, "survey")
    # Sent empty first: the page with every question's error must pass the accessibility check
    # too (the crawl only sees pages as links reach them, never a form's error state).
    kb.tab_to("#survey-submit", "send button")
    kb.enter_and_wait("sending the empty survey with Enter")
    base.find(driver, "#element-U1 .field-error", "U1 error")
    problems = a11y.check_page(driver)
    base.check(not problems, "the survey with errors: " + "; ".join(map(str, problems)))
    for i in range(1, 10):
        # Tab enters the radio group on its first option; Space picks it, arrow keys move the pick.
        kb.tab_to(f"input[name='u{i}']", f"question U{i}")
        kb.press(Keys.SPACE)
        kb.press(Keys.ARROW_DOWN)
        kb.press(Keys.ARROW_DOWN)
        base.check(
            driver.execute_script(f"return document.querySelector(\"input[name='u{i}']:checked\").value") == "3",
            f"U{i}: Space then two arrow keys picked the third option",
        )
    kb.tab_to("#survey-submit", "send button")
    kb.enter_and_wait("sending the survey with Enter")
    base.check(base.path_of(driver) == SURVEY + "/terima-kasih", f"on the thank-you page: {base.path_of(driver)}")
    base.find(driver, "#thanks", "thank-you heading")

    base.step("3. the supervisor approves a submitted plan with the keyboard")
    plan_id = submitted_plan()
    keyboard_login(driver, kb, "atasan.dukcapil", DEMO_PASSWORD)
    kb.tab_to("a[href='/plans']", "the approval inbox in the menu")
    kb.enter_and_wait("opening the approval inbox")
    skip_link_first(kb, "approval inbox")
    kb.tab_to(f"#pick-{plan_id}", "the employee's plan in the inbox")
    kb.press(Keys.SPACE)
    base.check(
        driver.execute_script("return document.activeElement.checked;"), "Space ticks the plan's checkbox"
    )
    kb.tab_to("#bulk-approve-button", "approve button")
    kb.enter_and_wait("approving with Enter")
    flash = base.find(driver, ".flash", "flash message").text
    base.check("disetujui" in base.norm(flash).lower(), f"a success message is shown: {flash!r}")
    status = api(f"/api/v1/plans/{plan_id}", employee_token())
    base.check(status.get("status") == "approved_supervisor", f"the plan's status is {status.get('status')!r}")
    base.step(f"{kb.checked} focus changes, each with a visible focus indicator")


def main() -> int:
    return base.run_script(run, "browser-keyboard-failure")


if __name__ == "__main__":
    sys.exit(main())
