"""Shared helpers for the accessibility tests: calm pages, colour schemes, and what a focus stop looks like.

axe-core checks what it can see in a resting page; these helpers measure what it cannot: whether the
focused element is covered by a sticky or fixed element, and whether its outline has 3:1 contrast
against the colour behind it (WCAG 2.4.7, 2.4.11 and 1.4.11), computed from the computed styles.
"""

from __future__ import annotations

from playwright.sync_api import Page

SCHEMES = {"light": "default", "dark": "slate"}

CALM = """() => document.getAnimations().every(a => a.playState !== 'running')"""


def wait_for_calm(page: Page) -> None:
    """Wait until no CSS transition or animation is running (Material's fades, the back-to-top button)."""
    page.wait_for_function(CALM)


def set_scheme(page: Page, scheme: str) -> None:
    """Switch Material's palette through its own toggle (the radio for that scheme), in any state:
    a modal dialog makes the header inert for the pointer, so the radio is clicked from script."""
    page.evaluate(
        """(scheme) => { const radio = document.querySelector(`input.md-option[data-md-color-scheme="${scheme}"]`);
                         if (!radio.checked) radio.click(); }""",
        SCHEMES[scheme],
    )
    page.wait_for_function("(scheme) => document.body.dataset.mdColorScheme === scheme", arg=SCHEMES[scheme])
    wait_for_calm(page)


FOCUS_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const proxied = el.matches('.pv-visually-hidden, .md-option') && el.nextElementSibling;
  const shown = proxied ? el.nextElementSibling : el;
  // Wait for what changes the measurement: fixed and sticky things (the header, back-to-top, the
  // search overlay) and the element's or its ancestors' backgrounds and outline. Text colours and the
  // header's title swap do not change it, and waiting for them would make every step slow.
  const settling = document.getAnimations().some(a => {
    const target = a.playState === 'running' && a.effect?.target;
    if (!target) return false;
    if (['fixed', 'sticky'].includes(getComputedStyle(target).position)) return true;
    return target.contains(shown)
      && /^(background|outline|opacity|transform|visibility)/.test(a.transitionProperty || 'animation');
  });
  if (settling) return { busy: true };
  // A walk that comes back to where it started has gone all the way round. Tab may stay on one element
  // (the parts of a date field): that is the same stop.
  const same = el === window.pvLast;
  const again = el === window.pvFirst && !same;
  window.pvFirst = window.pvFirst || el;
  window.pvLast = el;
  // A visually hidden control (our file inputs, Material's palette radios) shows its focus on the label after it.
  const describe = () => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} «${
    (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 50)}»`;

  const parse = (text) => {
    const m = text.match(/rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)/);
    if (!m) return null;
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  // The colour behind a node: its own and its ancestors' backgrounds, composited down to the first opaque one.
  const backdrop = (node) => {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  const style = getComputedStyle(shown);
  let outline = 'none', contrast = 0;
  if (style.outlineStyle === 'auto') {
    outline = 'auto'; contrast = 21; // Chromium's own ring: a dark and a light line, visible on any background
  } else if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) {
    const colour = parse(style.outlineColor);
    // Outside the element the outline lies on the parent's background; inside it (negative offset), on its own.
    const behind = backdrop(parseFloat(style.outlineOffset) < 0 ? shown : shown.parentElement);
    outline = style.outlineColor;
    contrast = colour ? ratio(over(colour, behind), behind) : 0;
  }

  // Covered: a sample point of the element (inside the viewport) where something else is on top.
  const rects = [...shown.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const points = [];
  for (const r of rects) {
    const x = r.left + r.width / 2;
    const inset = Math.min(2, r.height / 4);
    points.push([x, r.top + inset], [x, r.top + r.height / 2], [x, r.bottom - inset]);
  }
  const inView = points.filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const covers = [];
  for (const [x, y] of inView) {
    const top = document.elementFromPoint(x, y);
    if (top && !shown.contains(top) && !top.contains(shown) && !(proxied && top === el)) {
      covers.push(`${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`);
    }
  }
  return {
    again, same, name: describe(), outline, contrast: Math.round(contrast * 100) / 100,
    visible: inView.length > 0, covered: [...new Set(covers)],
    inItem: el.closest('fieldset[data-pv-item]')?.dataset.pvItem || null,
    tag: el.tagName, id: el.id, type: el.type || '',
  };
}"""


def focus_stop(page: Page) -> dict | None:
    """The focused element, measured once nothing that affects the measurement is moving."""
    stop = page.evaluate(FOCUS_STOP)
    while stop and stop.get("busy"):
        wait_for_calm(page)
        stop = page.evaluate(FOCUS_STOP)
    return stop


def focus_problem(stop: dict | None) -> str | None:
    """Why a focus stop fails WCAG 2.4.7/2.4.11/1.4.11, or None when it is fine."""
    if stop is None:
        return None
    if not stop["visible"]:
        return f"{stop['name']} is outside the window"
    if stop["covered"]:
        return f"{stop['name']} is under {stop['covered']}"
    if stop["contrast"] < 3:
        return f"{stop['name']} has outline {stop['outline']} at {stop['contrast']}:1"
    return None


def walk(page: Page, key: str, limit: int, within: str | None = None) -> tuple[list[dict], list[str]]:
    """Press ``key`` up to ``limit`` times; return every focus stop and the problems found.

    Stops when focus leaves the page (or, with ``within``, the element matching that selector) or comes
    back to an element it has already visited."""
    stops: list[dict] = []
    problems: list[str] = []
    page.evaluate("() => { window.pvFirst = null; window.pvLast = document.activeElement; }")
    for _ in range(limit):
        page.keyboard.press(key)
        stop = focus_stop(page)
        if stop is None or stop["again"]:
            break
        if stop["same"]:
            continue
        if within and not page.evaluate("(sel) => !!document.activeElement.closest(sel)", within):
            break
        stops.append(stop)
        problem = focus_problem(stop)
        if problem:
            problems.append(problem)
    return stops, problems
