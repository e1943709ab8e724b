"""Automated accessibility checks for one loaded page (no axe-core: it is not reachable here).

`check_page(driver)` returns a list of `Violation`s for the page the driver shows. Two sources:

* the DOM, through one `execute_script` that returns plain JSON: document language and title,
  landmarks, headings, form-control labels, image alternatives, table headers, tabindex and the
  text colour contrast (WCAG 2.1 1.4.3: 4.5:1, 3:1 for large text), computed from
  getComputedStyle colours with the background found by walking up the ancestors;
* Chromium's accessibility tree through CDP (`Accessibility.getPartialAXTree`, one node per link
  or button without text content): its computed name must not be empty. The tree is the browser's
  own name computation, so aria-label(ledby), title, alt and an svg's <title> count as it counts them.

Used by test_accessibility.py (the crawl) and test_keyboard.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

@dataclass(frozen=True)
class Violation:
    url: str
    rule: str
    selector: str
    detail: str

    def __str__(self) -> str:
        return f"{self.url}  [{self.rule}]  {self.selector}  {self.detail}"


# One script over the DOM; it leaves its selector helper on window.__a11y and the links and
# buttons to look up in the accessibility tree on window.__a11yCandidates.
DOM_CHECKS_JS = r"""
const out = [];
const add = (rule, el, detail) => out.push({rule, selector: el ? sel(el) : 'document', detail});
function sel(el) {
  if (!(el instanceof Element)) return String(el);
  const parts = [];
  while (el && el.nodeType === 1 && el !== document.documentElement) {
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) {
      parts.unshift('#' + CSS.escape(el.id)); break;
    }
    let p = el.tagName.toLowerCase();
    const parent = el.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter(c => c.tagName === el.tagName);
      if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
    }
    parts.unshift(p);
    el = parent;
  }
  return parts.join(' > ');
}
function snippet(el) { return (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60); }
// Exposed to assistive technology: rendered (not display:none / visibility:hidden), not aria-hidden.
function exposed(el) {
  if (!el.checkVisibility({visibilityProperty: true})) return false;
  return !el.closest('[aria-hidden="true"]');
}
window.__a11y = {sel, snippet};

// Document.
if (document.documentElement.getAttribute('lang') !== 'id')
  add('html-lang', document.documentElement, 'lang is ' + JSON.stringify(document.documentElement.getAttribute('lang')) + ', expected "id"');
const titleText = document.title.trim();
if (!titleText || /^[·\s]/.test(titleText))
  add('page-title', null, 'the page title is empty: ' + JSON.stringify(document.title));

// Landmarks.
const mains = Array.from(document.querySelectorAll('main, [role="main"]')).filter(exposed);
if (mains.length !== 1) add('landmark-main', null, mains.length + ' <main> landmarks, expected exactly one');
const navs = Array.from(document.querySelectorAll('nav, [role="navigation"]')).filter(exposed);
if (navs.length === 0) add('landmark-nav', null, 'no <nav> landmark');

// Headings: one h1, and never deeper than one level below the previous heading.
const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).filter(exposed);
const levelOf = h => h.getAttribute('role') === 'heading' ? parseInt(h.getAttribute('aria-level') || '2', 10) : parseInt(h.tagName[1], 10);
const h1s = headings.filter(h => levelOf(h) === 1);
if (h1s.length !== 1) add('one-h1', h1s[1] || null, h1s.length + ' h1 headings, expected exactly one');
let previous = 0;
for (const h of headings) {
  const level = levelOf(h);
  if (previous > 0 && level > previous + 1)
    add('heading-order', h, 'h' + previous + ' followed by h' + level + ': "' + snippet(h) + '"');
  previous = level;
}

// Form controls: a label, aria-label or aria-labelledby (title accepted, as axe does; a
// placeholder is not a label).
const controls = document.querySelectorAll('input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea');
for (const c of controls) {
  if (!exposed(c)) continue;
  const aria = (c.getAttribute('aria-label') || '').trim();
  const by = (c.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim()).join('');
  const labels = Array.from(c.labels || []).map(l => l.textContent.trim()).join('');
  const title = (c.getAttribute('title') || '').trim();
  if (!aria && !by && !labels && !title)
    add('control-name', c, '<' + c.tagName.toLowerCase() + (c.name ? ' name=' + c.name : '') + '> has no label, aria-label or aria-labelledby');
}
for (const b of document.querySelectorAll('input[type="submit"], input[type="button"], input[type="reset"]')) {
  if (exposed(b) && !(b.value || b.getAttribute('aria-label') || '').trim()) add('button-name', b, 'input button without a value');
}

// Images: <img> needs alt (alt="" marks it decorative); role=img needs a name.
for (const img of document.querySelectorAll('img')) {
  if (exposed(img) && !img.hasAttribute('alt') && !img.getAttribute('aria-label') && !img.getAttribute('aria-labelledby'))
    add('image-alt', img, 'img without alt: ' + (img.getAttribute('src') || '').slice(0, 60));
}
for (const svg of document.querySelectorAll('svg[role="img"], [role="img"]')) {
  if (!exposed(svg)) continue;
  const title = svg.querySelector(':scope > title');
  const by = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map(id => document.getElementById(id)).filter(Boolean);
  if (!(svg.getAttribute('aria-label') || '').trim() && !by.length && !(title && title.textContent.trim()))
    add('image-alt', svg, 'role="img" without aria-label, aria-labelledby or <title>');
}

// Links and buttons: those without text content are the candidates for a missing name; the
// accessibility tree decides (ax_name_checks below), since aria-labelledby, title, an image's alt
// or an svg's <title> can name them. (The full tree takes a minute on a 20,000-element page.)
window.__a11yCandidates = Array.from(document.querySelectorAll(
    'a[href], button, [role="button"], [role="link"], summary'))
  .filter(e => !e.textContent.trim() && exposed(e));

// Data tables have header cells.
for (const t of document.querySelectorAll('table')) {
  if (!exposed(t) || ['presentation', 'none'].includes(t.getAttribute('role'))) continue;
  if (t.querySelector('td') && !t.querySelector('th')) add('table-headers', t, 'a data table without <th>');
}

// No positive tabindex.
for (const el of document.querySelectorAll('[tabindex]')) {
  if (parseInt(el.getAttribute('tabindex'), 10) > 0) add('tabindex', el, 'tabindex="' + el.getAttribute('tabindex') + '"');
}

// Contrast of visible text.
function parse(c) {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(c);
  if (!m) return null;
  return [parseFloat(m[1]), parseFloat(m[2]), parseFloat(m[3]), m[4] === undefined ? 1 : parseFloat(m[4])];
}
function over(top, bottom) {  // source-over compositing of an rgba colour on an opaque one
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
// The background behind an element: its own and its ancestors' background colours, composited
// on white (the canvas); null when an image or gradient is in the way (cannot be computed).
const backgrounds = new Map();
function background(el) {
  if (!el) return [255, 255, 255, 1];
  if (backgrounds.has(el)) return backgrounds.get(el);
  const s = getComputedStyle(el);
  let result;
  if (s.backgroundImage && s.backgroundImage !== 'none') result = null;
  else {
    const c = parse(s.backgroundColor);
    const below = c && c[3] >= 1 ? null : background(el.parentElement);
    result = !c || c[3] === 0 ? below : c[3] >= 1 ? c : below && over(c, below);
  }
  backgrounds.set(el, result);
  return result;
}
// Opacity fades text and background together; for the usual case (a faded element without its
// own background, like .brand-sub) that is the text colour's alpha times the opacities.
function opacity(el) {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
  return o;
}
const docWidth = document.documentElement.scrollWidth;
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.nodeValue.trim()) continue;
  const el = node.parentElement;
  if (!el || seen.has(el)) continue;
  seen.add(el);
  if (el.closest('svg, script, style, noscript, option, [disabled]')) continue;
  if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
  const r = el.getBoundingClientRect();
  // Off-screen (the skip link before it is focused) or clipped to a pixel (.visually-hidden).
  if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.left >= docWidth) continue;
  const s = getComputedStyle(el);
  const fg = parse(s.color), bg = background(el);
  if (!fg || !bg) continue;
  fg[3] *= opacity(el);
  const text = over(fg, bg);
  const l1 = luminance(text), l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const needed = large ? 3 : 4.5;
  if (ratio + 1e-6 < needed)
    add('contrast', el, 'contrast ' + ratio.toFixed(2) + ':1 < ' + needed + ':1 (' + s.color + ' on rgb(' +
        bg.slice(0, 3).map(Math.round).join(', ') + '), ' + size + 'px): "' + snippet(el) + '"');
}
return JSON.stringify(out);
"""


def ax_name_checks(driver, url: str) -> list[Violation]:
    """The candidates the DOM script left in window.__a11yCandidates, looked up in Chromium's
    accessibility tree (one node each): a violation when the computed name is empty."""
    found = []
    count = driver.execute_script("return (window.__a11yCandidates || []).length;")
    for i in range(count):
        handle = driver.execute_cdp_cmd(
            "Runtime.evaluate", {"expression": f"window.__a11yCandidates[{i}]", "returnByValue": False}
        )
        object_id = handle["result"]["objectId"]
        nodes = driver.execute_cdp_cmd("Accessibility.getPartialAXTree", {"objectId": object_id, "fetchRelatives": False})
        node = next((n for n in nodes.get("nodes", []) if not n.get("ignored")), None)
        if node is None:
            continue  # not exposed to assistive technology at all
        role = (node.get("role") or {}).get("value")
        name = str((node.get("name") or {}).get("value") or "").strip()
        if not name:
            where = driver.execute_script(
                "const e = window.__a11yCandidates[arguments[0]]; return window.__a11y.sel(e) + ' ' + e.outerHTML.slice(0, 80);", i
            )
            found.append(Violation(url, "ax-name", where, f"role {role} has an empty accessible name"))
    return found


def check_page(driver, url: str | None = None) -> list[Violation]:
    url = url or driver.current_url
    raw = json.loads(driver.execute_script(DOM_CHECKS_JS))
    found = [Violation(url, v["rule"], v["selector"], v["detail"]) for v in raw]
    found.extend(ax_name_checks(driver, url))
    return found
